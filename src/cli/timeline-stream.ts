// `timeline` written as it is read, a chunk of events at a time, so memory stays flat at any length: the
// chain is checked first (from the checkpoint, so cheaply), then the journal is streamed, or for a shared
// incident every feed, merged as they are read (core/merge-order.ts mergeStreams). Every format, JSON
// included, prints exactly what rendering the whole timeline at once prints.
import { describeEvent, ExitCode, WarroomError, type TimelineEvent } from '../core/index.js';
import { copyOf, FeedOrderError } from '../core/merge-order.js';
import { checkKinds, filterTimeline, renderTimeline, type TimelineFilter, type TimelineFormat } from '../report/timeline-export.js';
import type { IncidentStore } from '../store/incident-store.js';
import { feedEvents } from '../store/feed-stream.js';
import type { CliContext } from './context.js';
import { loadChecked, stateChecked } from './read-commands.js';

/** Events rendered this many at a time when a timeline is streamed. */
const STREAM_CHUNK = 2_000;

/** Header lines a format prints once, before its rows. */
const HEADER_LINES: Partial<Record<TimelineFormat, number>> = { csv: 1, md: 2 };

type Options = { format: TimelineFormat; kind?: string[]; force?: boolean };

export async function printTimeline(ctx: CliContext, store: IncidentStore, id: string, opts: Options, filter: TimelineFilter): Promise<void> {
  const shared = store.isShared(id);
  const ends = shared ? store.feedEnds(id) : undefined; // taken before the check: only checked bytes are streamed
  const verification = checkedOnly(ctx, store, id, opts);
  const sink = opts.format === 'json' ? jsonSink(ctx, filter) : rowSink(ctx, opts.format, filter);
  // After each chunk written, wait for a slow reader (a pipe) to take it: otherwise it piles up in memory.
  const write = async (events: Iterable<TimelineEvent>) => {
    for (const e of events) if (sink.push(e)) await ctx.drained?.();
  };
  if (!shared) {
    await write(firstEvents(feedEvents(store.journal(id).path), verification.count)); // what was checked; anything appended since is for the next read
  } else if (verification.firstBad && verification.firstBad.problem !== 'torn') {
    // A damaged feed (shown with --force) may be out of its own order: merged by sorting it whole, as before.
    await write(loadChecked({ ...ctx, err: () => {} }, store, id, true).events);
  } else {
    try {
      await write(store.mergedTimeline(id, ends!));
    } catch (err) {
      if (!(err instanceof FeedOrderError)) throw err;
      throw new WarroomError(`a feed of ${id} changed while its timeline was read (${err.message}); run "warroom verify ${id}"`, ExitCode.corrupt);
    }
  }
  sink.end();
}

function* firstEvents(events: Iterable<TimelineEvent>, count: number): Generator<TimelineEvent> {
  if (count <= 0) return;
  let left = count;
  for (const e of events) {
    yield e;
    if (--left <= 0) return;
  }
}

/** The chain's check (and --kind's), keeping nothing of the folded state: it can be large, and is not needed while streaming. */
function checkedOnly(ctx: CliContext, store: IncidentStore, id: string, opts: Options) {
  const { state, verification } = stateChecked(ctx, store, id, opts.force);
  if (opts.kind) checkKinds(opts.kind, state.unknownKinds.map((kind) => ({ kind }) as TimelineEvent));
  return verification;
}

interface Sink {
  /** True when it wrote a chunk. */
  push(e: TimelineEvent): boolean;
  end(): void;
}

/** The event as the JSON export shows it: its fields and its one-line text (as report/timeline-export.ts). */
function withText(e: TimelineEvent): TimelineEvent & { text: string } {
  const out = copyOf(e) as TimelineEvent & { text: string };
  out.text = describeEvent(e);
  return out;
}

/** Text, JSON Lines, CSV and Markdown: a chunk's rows at a time, the header once. */
function rowSink(ctx: CliContext, format: TimelineFormat, filter: TimelineFilter): Sink {
  let chunk: TimelineEvent[] = [];
  let first = true;
  const flush = () => {
    const rows = filterTimeline(chunk, filter);
    chunk = [];
    if (rows.length === 0 && !first) return;
    let out = renderTimeline(rows, format, ctx.env.TZ);
    if (!first && HEADER_LINES[format]) out = out.split('\n').slice(HEADER_LINES[format]).join('\n');
    first = false;
    if (out.length > 0 && out !== '\n') ctx.out(out.replace(/\n$/, ''));
  };
  return {
    push: (e) => {
      chunk.push(e);
      if (chunk.length < STREAM_CHUNK) return false;
      flush();
      return true;
    },
    end: flush,
  };
}

/**
 * One JSON array, as `JSON.stringify(events, null, 2)` prints it, a chunk of elements at a time. A chunk is
 * held until the next has rows, so the comma between them is written before its line ends.
 */
function jsonSink(ctx: CliContext, filter: TimelineFilter): Sink {
  let chunk: TimelineEvent[] = [];
  let held: string | undefined;
  const flush = () => {
    const rows = filterTimeline(chunk, filter);
    chunk = [];
    if (rows.length === 0) return;
    const elements = rows.map((e) => `  ${JSON.stringify(withText(e), null, 2).replace(/\n/g, '\n  ')}`).join(',\n');
    if (held === undefined) held = `[\n${elements}`;
    else {
      ctx.out(`${held},`);
      held = elements;
    }
  };
  return {
    push: (e) => {
      chunk.push(e);
      if (chunk.length < STREAM_CHUNK) return false;
      flush();
      return true;
    },
    end: () => {
      flush();
      ctx.out(held === undefined ? '[]' : `${held}\n]`);
    },
  };
}
