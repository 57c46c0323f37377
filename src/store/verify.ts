// Checks a journal's seq sequence and hash chain line by line, naming the first bad seq and why. A
// journal is valid only when it starts with its own incident.opened event.
import type { TimelineEvent } from '../core/index.js';
import { OVERSIZED_LINE } from './journal-file.js';

export type Problem =
  | 'empty'
  | 'no-opening'
  | 'wrong-incident'
  | 'unreadable'
  | 'oversized'
  | 'edited'
  | 'reordered'
  | 'missing'
  | 'chain-broken'
  | 'torn';

export interface VerifyResult {
  ok: boolean;
  /** Every line that parsed, in file order (empty when the events were not kept). */
  events: TimelineEvent[];
  count: number;
  /** The seq and hash of the last event that parsed (0 and '' when there is none). */
  headSeq: number;
  headHash: string;
  /** The hash of the event at `opts.hashOfSeq`, when asked for and present. */
  hashAtSeq?: string;
  firstBad?: { seq: number; line: number; problem: Problem; message: string };
}

const EXPLAIN: Record<Problem, string> = {
  empty: 'the journal has no events (an incident journal starts with its incident.opened event)',
  'no-opening': 'the journal does not start with its incident.opened event (its beginning is missing or replaced)',
  'wrong-incident': "the opening event belongs to another incident (a journal copied under another id)",
  unreadable: 'the line is not a valid event',
  oversized: 'the line is longer than 64 MiB, far more than any event (damage)',
  edited: 'its content does not match its hash (edited)',
  reordered: 'events are out of order (reordered)',
  missing: 'an event is missing',
  'chain-broken': "its prev hash does not match the event before it (an event before it was edited or removed)",
  torn: 'the last line is incomplete (a write was cut short)',
};

type Hasher = (e: Omit<TimelineEvent, 'hash'>) => string;

/** Feed it a journal's complete lines in order, then `finish` with the torn bytes after the last one. */
export class ChainVerifier {
  private readonly events: TimelineEvent[] = [];
  private lines = 0;
  private count = 0;
  private prevHash = '';
  private headSeq = 0;
  private firstBad: VerifyResult['firstBad'];
  /** A seq that did not match its line: "reordered" if that seq turns up later, else "missing". */
  private gap: { expected: number; seen: boolean } | undefined;
  private hashAtSeq: string | undefined;

  constructor(
    private readonly hash: Hasher,
    private readonly opts: {
      keepEvents?: boolean;
      incidentId?: string;
      hashOfSeq?: number;
      /** Continue after a prefix checked earlier (a checkpoint): its last seq and hash. */
      after?: { seq: number; hash: string };
      /** Called with each event that parses, in order (to fold while reading). */
      onEvent?: (e: TimelineEvent) => void;
    } = {},
  ) {
    if (opts.after) {
      this.lines = this.count = this.headSeq = opts.after.seq;
      this.prevHash = opts.after.hash;
    }
  }

  private flag(seq: number, line: number, problem: Problem): void {
    this.firstBad ??= { seq, line, problem, message: `seq ${seq} (line ${line}): ${EXPLAIN[problem]}` };
  }

  push(line: string): void {
    const lineNo = ++this.lines;
    if (line === OVERSIZED_LINE) {
      this.flag(lineNo, lineNo, 'oversized');
      return;
    }
    const e = parse(line);
    if (!e) {
      this.flag(lineNo, lineNo, lineNo === 1 ? 'no-opening' : 'unreadable');
      return;
    }
    this.count += 1;
    if (this.opts.keepEvents) this.events.push(e);
    this.opts.onEvent?.(e);
    if (lineNo === 1) this.checkOpening(e);
    if (this.gap && e.seq === this.gap.expected) this.gap.seen = true;
    if (e.seq !== lineNo && !this.firstBad) {
      this.gap = { expected: lineNo, seen: false };
      this.flag(Math.min(e.seq, lineNo), lineNo, 'missing'); // settled in finish()
    }
    const { hash: stored, ...rest } = e;
    if (this.hash(rest) !== stored) this.flag(e.seq, lineNo, 'edited');
    else if (e.prev !== this.prevHash) this.flag(e.seq, lineNo, 'chain-broken');
    this.prevHash = stored;
    this.headSeq = e.seq;
    if (e.seq === this.opts.hashOfSeq && lineNo === e.seq) this.hashAtSeq = stored;
  }

  private checkOpening(e: TimelineEvent): void {
    // A machine that joined a shared incident starts its own feed with incident.joined (docs/sharing.md).
    if ((e.kind !== 'incident.opened' && e.kind !== 'incident.joined') || e.seq !== 1) this.flag(1, 1, 'no-opening');
    else if (this.opts.incidentId && e.data.id !== this.opts.incidentId) this.flag(1, 1, 'wrong-incident');
  }

  finish(torn: number): VerifyResult {
    if (this.lines === 0) this.flag(1, 1, 'empty');
    if (torn > 0) this.flag(this.lines + 1, this.lines + 1, 'torn');
    if (this.gap?.seen && this.firstBad?.problem === 'missing') {
      this.firstBad = { ...this.firstBad, problem: 'reordered', message: this.firstBad.message.replace(EXPLAIN.missing, EXPLAIN.reordered) };
    }
    const result: VerifyResult = { ok: !this.firstBad, events: this.events, count: this.count, headSeq: this.headSeq, headHash: this.prevHash };
    if (this.firstBad) result.firstBad = this.firstBad;
    if (this.hashAtSeq !== undefined) result.hashAtSeq = this.hashAtSeq;
    return result;
  }
}

function parse(line: string): TimelineEvent | undefined {
  try {
    const e = JSON.parse(line) as TimelineEvent;
    return e && typeof e === 'object' && typeof e.seq === 'number' && typeof e.hash === 'string' && typeof e.kind === 'string' && !!e.data && typeof e.data === 'object'
      ? e
      : undefined;
  } catch {
    return undefined;
  }
}
