// The HTML report in a real browser: it renders its charts, paints a non-blank page, prints to PDF and
// makes no network request. Needs Debian's chromium at /usr/bin/chromium (installed by .ci/run).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { drillModel, ordersModel } from './build-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
// Under CI=true an absent browser is a failure (the launch below throws), never a skip.
const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';
if (skip) console.warn(`skipping the HTML report browser tests: ${CHROMIUM} is absent (apt-get install chromium)`);

// Runs in the page (the test's tsconfig has no DOM types, hence a string).
const COUNT_COLOURS = `async (dataUrl) => {
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  const seen = new Set();
  for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return seen.size;
}`;

describe('HTML report in headless Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'warroom-html-'));

  beforeAll(async () => {
    if (skip) return;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => browser?.close());

  async function open(name: string, html: string): Promise<{ page: Page; requests: string[]; url: string }> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, url };
  }

  /** Distinct colours in a PNG, decoded by the browser itself (no image library needed). */
  async function distinctColours(png: Buffer): Promise<number> {
    const probe = await browser.newPage();
    const count = await probe.evaluate(`(${COUNT_COLOURS})(${JSON.stringify(`data:image/png;base64,${png.toString('base64')}`)})`);
    await probe.close();
    return count as number;
  }

  it.skipIf(skip)('renders the metric chart and a non-blank page, with no network request', async () => {
    const { page, requests, url } = await open('orders', renderHtml(await ordersModel()));
    const series = page.locator('svg.chart path.series');
    expect(await series.count()).toBe(1);
    const box = await series.boundingBox();
    // The axis spans the milestones around the series too (impact start to resolution), so the series takes part of it.
    expect(box!.width).toBeGreaterThan(200);
    expect(await page.locator('svg.chart rect.impact-window').count()).toBe(1);
    expect(box!.height).toBeGreaterThan(20);
    expect(await page.locator('svg.chart line.th-critical').count()).toBe(1);
    expect(await page.locator('svg.chart line.alarm').count()).toBeGreaterThan(0);
    const chartPng = await page.locator('#metrics svg.chart').screenshot();
    expect(await distinctColours(chartPng)).toBeGreaterThan(8);
    const full = await page.screenshot({ fullPage: true });
    const blank = await (await browser.newPage({ viewport: { width: 1100, height: 900 } })).screenshot({ fullPage: true });
    expect(full.equals(blank)).toBe(false);
    expect(await distinctColours(full)).toBeGreaterThan(20);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it.skipIf(skip)('prints to PDF with the print stylesheet', async () => {
    const { page, requests, url } = await open('drill', renderHtml(await drillModel()));
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate('getComputedStyle(document.body).maxWidth')).toBe('none');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(await page.locator('h1').textContent()).toContain('DRAFT Exercise report');
    expect(requests).toEqual([url]);
    await page.close();
  });
});
