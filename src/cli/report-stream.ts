// `warroom report` written while the journal is read, in flat memory at any length. The folded state comes
// from the checkpoint (store.state); one pass over the journal then keeps the few events the sections before
// the timeline read (summaryNeeds) and folds the metric series and alarm changes, and renders every row of the readable and the full timeline into two
// spill files beside the output. The report model is built from the kept events, its text before the
// timelines is written, then the spill files are copied in (a grouped row of the readable timeline, final
// only after the last event, is written where its placeholder stands), then the rest.
// A shared incident (its feeds must be merged) and a journal reported with --force past a bad line are
// rendered the old way, from every event in memory.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describeEvent, ExitCode, WarroomError } from '../core/index.js';
import { buildReport, DigestFolder, SummaryEvents, timelineRow, type ReportModel } from '../core/report/index.js';
import { renderReport } from '../report/render.js';
import { reportLayout, rowRenderers, type ListStyle } from '../report/stream.js';
import type { IncidentStore } from '../store/incident-store.js';
import { reportModel, type ExportOptions } from './report-export.js';
import { scenarioDataFor } from './report-catalog.js';
import { outFileSink, printSink, type DocumentSink } from './report-out.js';

export interface StreamResult {
  /** The model without its timelines (they were written, not kept). */
  model: ReportModel;
  path?: string;
  missingScenarios: string[];
}

// Around a grouped row's number in the spilled readable timeline (rendered rows never hold a NUL: the
// sanitizer replaces it, JSON escapes it).
const GROUP = '\u0000';

/** Writes the report to `opts.out` (atomically) or to `stdout`; records nothing (the caller appends report.exported). */
export function streamReport(store: IncidentStore, id: string, opts: Omit<ExportOptions, 'actor'>, stdout: Parameters<typeof printSink>[0]): StreamResult {
  const sinkFor = (): DocumentSink & { path?: string } => (opts.out ? outFileSink(opts.out, 'the report') : printSink(stdout));
  if (store.isShared(id)) return whole(store, id, opts, sinkFor);
  const loaded = store.state(id);
  const v = loaded.verification;
  if (v.firstBad && v.firstBad.problem !== 'torn') {
    if (!opts.force) throw new WarroomError(`journal of ${id} fails verification at ${v.firstBad.message}; run "warroom verify ${id}", or pass --force to report on it anyway`, ExitCode.corrupt);
    return whole(store, id, opts, sinkFor);
  }
  const state = loaded.state;
  const data = opts.scenarios ? { scenarios: opts.scenarios } : scenarioDataFor(state.scenarios, opts.stateDir, opts.runbookDirs);
  const rows = rowRenderers(opts.format);
  const sink = sinkFor();
  const spillDir = mkdtempSync(join(opts.out ? dirname(resolve(opts.out)) : tmpdir(), '.warroom-report-'));
  try {
    const digest = new SpillFile(join(spillDir, 'digest'));
    const full = new SpillFile(join(spillDir, 'timeline'));
    const folder = new DigestFolder();
    let kept: SummaryEvents | undefined = new SummaryEvents(state.mode);
    const { list } = rows;
    let digestRows = 0;
    let timelineRows = 0;
    let left = v.count; // what was checked; anything appended since belongs to the next report
    store.journal(id).forEachEvent((e) => {
      if (left-- <= 0) return false;
      kept!.push(e);
      const text = describeEvent(e);
      const step = folder.push(e, () => text);
      if (step.type !== 'absorbed') digest.write(list.before(digestRows++ === 0) + (step.type === 'row' ? rows.digest(step.row) : `${GROUP}${step.group}${GROUP}`) + list.after);
      full.write(list.before(timelineRows++ === 0) + rows.timeline(timelineRow(e, state, text)) + list.after);
      return true;
    });
    digest.close();
    full.close();
    const model = buildReport(
      {
        events: kept.events(),
        folded: kept.folded,
        state,
        scenarios: data.scenarios,
        now: opts.now,
        ...(opts.cadence ? { cadence: opts.cadence } : 'cadence' in data && data.cadence ? { cadence: data.cadence } : {}),
        verification: { ok: v.ok, count: v.count, headHash: v.headHash, ...(v.firstBad ? { firstBad: { seq: v.firstBad.seq, message: v.firstBad.message } } : {}) },
      },
      { timeline: false },
    );
    kept = undefined; // the kept events and the metric fold are garbage once the model is built, before its text
    for (const piece of reportLayout(model, opts.format)) {
      if (piece === 'digest') copyRows(digest.path, digestRows, sink, list, (g) => rows.digest(folder.group(g)));
      else if (piece === 'timeline') copyRows(full.path, timelineRows, sink, list);
      else sink.write(piece);
    }
    sink.finish();
    return { model, missingScenarios: 'missing' in data ? data.missing : [], ...(sink.path ? { path: sink.path } : {}) };
  } catch (err) {
    sink.abort();
    throw err;
  } finally {
    rmSync(spillDir, { recursive: true, force: true });
  }
}

/** The old way: every event in memory, the whole text rendered, then written. */
function whole(store: IncidentStore, id: string, opts: Omit<ExportOptions, 'actor'>, sinkFor: () => DocumentSink & { path?: string }): StreamResult {
  const { model, missingScenarios } = reportModel(store, id, opts);
  const sink = sinkFor();
  try {
    sink.write(renderReport(model, opts.format));
    sink.finish();
    return { model, missingScenarios, ...(sink.path ? { path: sink.path } : {}) };
  } catch (err) {
    sink.abort();
    throw err;
  }
}

/** Copies spilled rows (already punctuated) into the document; a group's placeholder is rendered now. */
function copyRows(path: string, count: number, sink: DocumentSink, list: ListStyle, group?: (i: number) => string): void {
  sink.write(list.open);
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let inGroup = false;
    let digits = '';
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      if (!group) {
        sink.bytes(buf.subarray(0, n));
        continue;
      }
      let from = 0;
      while (from < n) {
        const nul = buf.indexOf(0, from);
        const end = nul < 0 || nul >= n ? n : nul;
        if (inGroup) digits += buf.toString('latin1', from, end);
        else if (end > from) sink.bytes(buf.subarray(from, end));
        if (end === n) break;
        if (inGroup) {
          sink.write(group(Number(digits)));
          digits = '';
        }
        inGroup = !inGroup;
        from = end + 1;
      }
    }
  } finally {
    closeSync(fd);
  }
  sink.write(list.close(count === 0));
}

/** Rows written to a private temporary file, a chunk at a time. */
class SpillFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx', 0o600);
  }
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
  private flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}
