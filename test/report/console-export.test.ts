// The console's export (E): every format, and the action items for a tracker, into the directory chosen with
// WARROOM_REPORT_DIR, without leaving the console.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { consoleWiring } from '../../src/cli/console-wiring.js';
import { ORDERS_ID, ordersSteps, T0, writeIncident } from './fixtures.js';

describe('console export', () => {
  it('writes md, html, json and the action items CSV into the chosen directory', async () => {
    const { store, dir, clock } = await writeIncident(ORDERS_ID, ordersSteps());
    const out = join(mkdtempSync(join(tmpdir(), 'warroom-export-')), 'postmortems', 'nested');
    clock.set(T0 + 3 * 3_600_000);
    const w = await consoleWiring({ stateDir: dir, runbookDirs: [], store, allowActions: false, aws: {}, env: { WARROOM_REPORT_DIR: out }, clock });
    const r = await w.exportReport(ORDERS_ID);
    expect(r.path.startsWith(out)).toBe(true);
    expect(r.format).toBe('md+html+json+csv');
    const files = readdirSync(out).sort();
    expect(files.map((f) => f.replace(/^.*?-\d{4}-\d{2}-\d{2}T[\d-]+Z/, ''))).toEqual(['-action-items.csv', '.html', '.json', '.md']);
    const read = (suffix: string) => readFileSync(join(out, files.find((f) => f.endsWith(suffix))!), 'utf8');
    expect(read('.md')).toMatch(/^# Incident report: INC-20261121-ORD1/);
    expect(read('.html')).toContain('<svg class="chart gantt"');
    expect(JSON.parse(read('.json')).review.sections).toHaveLength(12);
    const rows = parse(read('.csv')) as string[][];
    expect(rows[1]![0]).toBe('Update the data owners pager rota');
    expect(rows[1]![3]).toBe('carol');
  });
});
