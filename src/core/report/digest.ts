// The readable timeline: every event once, except that the snapshots of one metric become one row with a
// count, and an alarm that flaps (changes again within 15 minutes) becomes one row with its transitions.
import { describeEvent } from '../describe.js';
import type { TimelineEvent } from '../events.js';
import type { DigestRow } from './model.js';
import { ms } from './time.js';

const FLAP_WINDOW_MS = 15 * 60_000;

export function timelineDigest(events: readonly TimelineEvent[]): DigestRow[] {
  const rows: DigestRow[] = [];
  const snapshotRow = new Map<string, DigestRow>();
  const alarmRun = new Map<string, { row: DigestRow; lastMs: number; states: string[] }>();
  for (const e of events) {
    if (e.kind === 'metric.snapshot') {
      const metric = String(e.data.metric ?? '');
      const row = snapshotRow.get(metric);
      const points = Array.isArray(e.data.points) ? e.data.points.length : 0;
      if (row) {
        row.count++;
        row.lastSeq = e.seq;
        row.text = `metric ${metric}: ${row.count} snapshots, seq ${row.seq} to ${row.lastSeq}`;
        continue;
      }
      const fresh = { ...plain(e), text: `metric ${metric}: 1 snapshot (${points} points)` };
      snapshotRow.set(metric, fresh);
      rows.push(fresh);
      continue;
    }
    if (e.kind === 'alarm.changed') {
      const alarm = String(e.data.alarm ?? '');
      const t = ms(typeof e.data.at === 'string' ? e.data.at : e.ts) ?? 0;
      const run = alarmRun.get(alarm);
      if (run && t - run.lastMs <= FLAP_WINDOW_MS) {
        run.row.count++;
        run.row.lastSeq = e.seq;
        run.lastMs = t;
        run.states.push(String(e.data.to ?? ''));
        run.row.text = `alarm ${alarm} flapped: ${run.states.join(' -> ')} (${run.row.count} changes, seq ${run.row.seq} to ${run.row.lastSeq})`;
        continue;
      }
      const row = plain(e);
      alarmRun.set(alarm, { row, lastMs: t, states: [String(e.data.from ?? ''), String(e.data.to ?? '')] });
      rows.push(row);
      continue;
    }
    rows.push(plain(e));
  }
  return rows;
}

const plain = (e: TimelineEvent): DigestRow => ({ seq: e.seq, at: e.ts, actor: e.actor, kind: e.kind, text: describeEvent(e), count: 1, lastSeq: e.seq });
