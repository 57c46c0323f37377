// Golden files of the Markdown and JSON reports for fixed incidents. Regenerate deliberately with
// UPDATE_GOLDEN=1 npx vitest run test/report/golden.test.ts, then read the diff before committing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/core/report/index.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { drillModel, ordersModel } from './build-fixture.js';

const GOLDEN = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

function matchGolden(name: string, actual: string) {
  const file = join(GOLDEN, name);
  if (update) writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`golden file ${name} is missing: run UPDATE_GOLDEN=1 npx vitest run test/report/golden.test.ts`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const cases: [string, () => Promise<ReportModel>][] = [
  ['orders-live', ordersModel],
  ['drill-exercise', drillModel],
];

describe.each(cases)('golden report %s', (name, build) => {
  it('renders Markdown as in the golden file', async () => matchGolden(`${name}.md`, renderMarkdown(await build())));
  it('renders JSON as in the golden file', async () => matchGolden(`${name}.json`, renderJson(await build())));
});

describe('the golden Markdown covers every section', () => {
  // Postmortem order: summary and impact first, the review and its action items, then the evidence, the full timeline last.
  const order = ['## Summary', '## Impact', '## Review', '## Action items', '## Key milestones', '## Recovery objectives', '## What was done', '## Post-checks', '## AWS actions taken', '## Alarms and metrics', '## Communications sent', '## Decisions', '## Timeline (UTC)', '## Appendix: full timeline (UTC)', '## Integrity'];
  it.each(cases)('%s has the sections in order', async (_name, build) => {
    const md = renderMarkdown(await build());
    const positions = order.map((h) => md.indexOf(`\n${h}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
  it('the exercise adds injects and an after-action review before the action items', async () => {
    const md = renderMarkdown(await drillModel());
    expect(md.indexOf('## Exercise injects')).toBeGreaterThan(md.indexOf('## Decisions'));
    expect(md.indexOf('## After-action review')).toBeLessThan(md.indexOf('## Timeline (UTC)'));
  });
});
