// The readable timeline: every event once, except that the snapshots of one metric become one row with a
// count, and an alarm that flaps (changes again within 15 minutes) becomes one row with its transitions.
// DigestFolder takes the events one at a time, so a report can write the rows while it reads the journal:
// a grouped row's text is final only once every event was seen (`finish`).
import { describeEvent } from '../describe.js';
import type { TimelineEvent } from '../events.js';
import type { DigestRow } from './model.js';
import { ms } from './time.js';

const FLAP_WINDOW_MS = 15 * 60_000;

/** What one event does to the readable timeline: a row of its own, a grouped row it opens, or a count in an open group. */
export type DigestStep = { type: 'row'; row: DigestRow } | { type: 'group'; group: number } | { type: 'absorbed' };

interface Group {
  row: DigestRow;
  metric?: string;
  alarm?: { name: string; states: string[] };
}

export class DigestFolder {
  private readonly groups: Group[] = [];
  private readonly snapshotGroup = new Map<string, Group>();
  private readonly alarmRun = new Map<string, { group: Group; lastMs: number }>();

  push(e: TimelineEvent, text: () => string = () => describeEvent(e)): DigestStep {
    if (e.kind === 'metric.snapshot') {
      const metric = String(e.data.metric ?? '');
      const g = this.snapshotGroup.get(metric);
      if (g) {
        g.row.count++;
        g.row.lastSeq = e.seq;
        return { type: 'absorbed' };
      }
      const points = Array.isArray(e.data.points) ? e.data.points.length : 0;
      const fresh: Group = { row: { ...plain(e, ''), text: `metric ${metric}: 1 snapshot (${points} points)` }, metric };
      this.snapshotGroup.set(metric, fresh);
      return { type: 'group', group: this.groups.push(fresh) - 1 };
    }
    if (e.kind === 'alarm.changed') {
      const alarm = String(e.data.alarm ?? '');
      const t = ms(typeof e.data.at === 'string' ? e.data.at : e.ts) ?? 0;
      const run = this.alarmRun.get(alarm);
      if (run && t - run.lastMs <= FLAP_WINDOW_MS) {
        run.group.row.count++;
        run.group.row.lastSeq = e.seq;
        run.lastMs = t;
        run.group.alarm!.states.push(String(e.data.to ?? ''));
        return { type: 'absorbed' };
      }
      const g: Group = { row: plain(e, text()), alarm: { name: alarm, states: [String(e.data.from ?? ''), String(e.data.to ?? '')] } };
      this.alarmRun.set(alarm, { group: g, lastMs: t });
      return { type: 'group', group: this.groups.push(g) - 1 };
    }
    return { type: 'row', row: plain(e, text()) };
  }

  /** A grouped row as it stands after every event pushed so far. */
  group(i: number): DigestRow {
    const g = this.groups[i]!;
    const r = g.row;
    if (r.count === 1) return r;
    if (g.metric !== undefined) return { ...r, text: `metric ${g.metric}: ${r.count} snapshots, seq ${r.seq} to ${r.lastSeq}` };
    return { ...r, text: `alarm ${g.alarm!.name} flapped: ${g.alarm!.states.join(' -> ')} (${r.count} changes, seq ${r.seq} to ${r.lastSeq})` };
  }
}

export function timelineDigest(events: readonly TimelineEvent[]): DigestRow[] {
  const folder = new DigestFolder();
  const steps = events.map((e) => folder.push(e));
  return steps.flatMap((s) => (s.type === 'row' ? [s.row] : s.type === 'group' ? [folder.group(s.group)] : []));
}

const plain = (e: TimelineEvent, text: string): DigestRow => ({ seq: e.seq, at: e.ts, actor: e.actor, kind: e.kind, text, count: 1, lastSeq: e.seq });
