// The postmortem of the region-failure script in a real browser: the recovery Gantt, the RTO/RPO chart and
// the metric charts with the impact window render, every citation links to its event, nothing is fetched,
// and a screenshot is taken. Needs Debian's chromium at /usr/bin/chromium (installed by .ci/run).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRegionFailure } from './region-script.js';

const CHROMIUM = '/usr/bin/chromium';
// Under CI=true an absent browser is a failure (the launch below throws), never a skip.
const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';
if (skip) console.warn(`skipping the postmortem browser test: ${CHROMIUM} is absent (apt-get install chromium)`);

describe('postmortem HTML in headless Chromium', () => {
  let browser: Browser;
  let file: string;
  let seqs: number;

  beforeAll(async () => {
    if (skip) return;
    const run = await runRegionFailure();
    await run.review();
    file = join(run.h.dir, 'postmortem.html');
    // The report.exported event is appended after the file is written, so the file holds the events before it.
    seqs = run.store.load(run.id).events.length;
    await run.ok('alice', 'report', run.id, '--format', 'html', '--out', file);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  }, 120_000);
  afterAll(async () => browser?.close());

  it.skipIf(skip)('renders the charts, links every citation to its event, fetches nothing, and paints a page', async () => {
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|https?:\/\/(?!tracker\.example|www\.w3\.org\/2000\/svg)/);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });

    const gantt = page.locator('svg.gantt');
    expect(await gantt.count()).toBe(1);
    expect(await gantt.locator('rect.bar').count()).toBe(11);
    expect(await gantt.locator('rect.bar-skipped').count()).toBe(1);
    expect(await gantt.locator('circle.verified').count()).toBe(2);
    expect(await gantt.locator('line.rto').count()).toBeGreaterThanOrEqual(1);
    const objectives = page.locator('svg.objectives-chart');
    expect(await objectives.locator('rect.achieved-met').count()).toBeGreaterThanOrEqual(1);
    expect(await objectives.locator('line.target').count()).toBe(2); // one objective (Platform): its RTO and RPO targets
    const metrics = page.locator('#metrics svg.chart');
    expect(await metrics.count()).toBe(2);
    expect(await metrics.locator('rect.impact-window').count()).toBe(2);
    expect(await metrics.locator('line.milestone').count()).toBe(10);
    const box = await metrics.first().locator('rect.impact-window').boundingBox();
    expect(box!.width).toBeGreaterThan(50);

    const cites = await page.locator('a.cite').evaluateAll((as) => as.map((a) => (a as unknown as { getAttribute(n: string): string | null }).getAttribute('href')));
    expect(cites.length).toBeGreaterThan(20);
    for (const href of new Set(cites)) expect(await page.locator(String(href)).count(), String(href)).toBe(1);
    expect(await page.locator('#appendix-timeline td[id^="ev-"]').count()).toBe(seqs);
    expect(await page.locator('h1').textContent()).toMatch(/^Exercise report: INC-/);

    const shot = await page.screenshot({ fullPage: true });
    const out = process.env.POSTMORTEM_SCREENSHOT ?? join(file, '..', 'postmortem.png');
    writeFileSync(out, shot);
    const gshot = await gantt.screenshot();
    expect(gshot.length).toBeGreaterThan(2000);
    expect(shot.length).toBeGreaterThan(50_000);
    expect(requests).toEqual([url]);
    await page.close();
  });
});
