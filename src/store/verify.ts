// Checks a journal's seq sequence and hash chain, naming the first bad seq and why.
import type { TimelineEvent } from '../core/index.js';
import type { RawJournal } from './journal-file.js';

export type Problem = 'unreadable' | 'edited' | 'reordered' | 'missing' | 'chain-broken' | 'torn';

export interface VerifyResult {
  ok: boolean;
  /** Every line that parsed, in file order. */
  events: TimelineEvent[];
  count: number;
  headHash: string;
  firstBad?: { seq: number; line: number; problem: Problem; message: string };
}

const EXPLAIN: Record<Problem, string> = {
  unreadable: 'the line is not a valid event',
  edited: 'its content does not match its hash (edited)',
  reordered: 'events are out of order (reordered)',
  missing: 'an event is missing',
  'chain-broken': "its prev hash does not match the event before it (an event before it was edited or removed)",
  torn: 'the last line is incomplete (a write was cut short)',
};

export function verifyLines(raw: RawJournal, hash: (e: Omit<TimelineEvent, 'hash'>) => string): VerifyResult {
  const events: TimelineEvent[] = [];
  const parsed: (TimelineEvent | undefined)[] = raw.lines.map((line) => {
    try {
      const e = JSON.parse(line) as TimelineEvent;
      return e && typeof e === 'object' && typeof e.seq === 'number' && typeof e.hash === 'string' ? e : undefined;
    } catch {
      return undefined;
    }
  });
  const seqs = new Set(parsed.map((e) => e?.seq));
  let firstBad: VerifyResult['firstBad'];
  let prevHash = '';
  const flag = (seq: number, line: number, problem: Problem) => {
    firstBad ??= { seq, line, problem, message: `seq ${seq} (line ${line}): ${EXPLAIN[problem]}` };
  };
  parsed.forEach((e, i) => {
    const expected = i + 1;
    if (!e) {
      flag(expected, i + 1, 'unreadable');
      return;
    }
    events.push(e);
    if (e.seq !== expected) flag(Math.min(e.seq, expected), i + 1, seqs.has(expected) ? 'reordered' : 'missing');
    const { hash: stored, ...rest } = e;
    if (hash(rest) !== stored) flag(e.seq, i + 1, 'edited');
    else if (e.prev !== prevHash) flag(e.seq, i + 1, 'chain-broken');
    prevHash = stored;
  });
  if (raw.torn.length > 0) flag(parsed.length + 1, parsed.length + 1, 'torn');
  const last = events[events.length - 1];
  const result: VerifyResult = { ok: !firstBad, events, count: events.length, headHash: last?.hash ?? '' };
  if (firstBad) result.firstBad = firstBad;
  return result;
}
