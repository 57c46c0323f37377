// `timeline` streams a journal that is not shared a chunk at a time: its output must be exactly what
// rendering every event at once gives, in every streamed format, with filters and with chunk boundaries.
import { describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { filterTimeline, renderTimeline, type TimelineFormat } from '../../src/report/timeline-export.js';
import { runBin } from '../support/bin.js';
import { tempDir } from '../support/tmp.js';

describe('timeline streaming', () => {
  it('prints the same bytes as rendering the whole timeline at once (2,600 events: two chunks)', async () => {
    const dir = tempDir();
    let t = Date.parse('2026-11-21T10:00:00.000Z');
    const store = new IncidentStore(dir, { now: () => (t += 1000) });
    const first = await store.create({ title: 'Orders table corrupted', severity: 'SEV2', mode: 'live' }, 'ana');
    const id = String(first.data.id);
    for (let done = 1; done < 2600; done += 500) {
      await store.append(id, Array.from({ length: Math.min(500, 2600 - done) }, (_, i) => (i % 7 === 0 ? { kind: 'decision' as const, data: { text: `d ${done + i} | <b>` } } : { kind: 'note' as const, data: { text: `n ${done + i}, "quoted"` } })), i(done));
    }
    const events = store.load(id).events;
    for (const format of ['text', 'jsonl', 'csv', 'md'] as TimelineFormat[]) {
      const all = runBin(['timeline', id, '--format', format, '--state-dir', dir], { env: { TZ: 'UTC' } });
      expect(all.code).toBe(0);
      expect(all.stdout).toBe(renderTimeline(events, format, 'UTC'));
      const some = runBin(['timeline', id, '--format', format, '--kind', 'decision', '--by', 'bo', '--state-dir', dir], { env: { TZ: 'UTC' } });
      expect(some.code).toBe(0);
      expect(some.stdout).toBe(renderTimeline(filterTimeline(events, { kinds: ['decision'], actors: ['bo'] }), format, 'UTC'));
    }
  }, 120_000);
});

const i = (done: number) => (done % 1000 === 1 ? 'bo' : 'cy');
