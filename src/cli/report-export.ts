// Producing a report from a stored incident: load, verify, build, render, write, then record one
// report.exported event. The CLI's `report` command and the console's export both call exportReport.
import { readSyncConfig } from '../store/origin-feeds.js';
import { ExitCode, WarroomError, type TimelineEvent } from '../core/index.js';
import { buildReport, type ReportInput, type ReportModel } from '../core/report/index.js';
import { renderReport, type ReportFormat } from '../report/render.js';
import type { IncidentStore } from '../store/incident-store.js';
import { scenarioDataFor } from './report-catalog.js';
import { writeOutFile } from './report-out.js';

export { writeOutFile };

export interface ExportOptions {
  format: ReportFormat;
  /** A file to write; without it the text is returned for the caller to print. */
  out?: string;
  actor: string;
  now: number;
  stateDir: string;
  /** Extra runbook directories (--runbooks), beside <stateDir>/runbooks and the built-ins. */
  runbookDirs?: readonly string[];
  /** Produce it even when the journal fails verification (the report then says so). */
  force?: boolean;
  /** Overrides the catalog lookup (tests, or a console that already holds its scenarios). */
  scenarios?: ReportInput['scenarios'];
  cadence?: ReportInput['cadence'];
}

export interface ExportResult {
  model: ReportModel;
  text: string;
  path?: string;
  event: TimelineEvent;
  /** Scenarios of the incident the catalog gave no data for (their targets are unknown in the report). */
  missingScenarios: string[];
}

/** Builds the report model for an incident as it stands (pure apart from reading the journal). */
export function reportModel(store: IncidentStore, id: string, opts: Pick<ExportOptions, 'now' | 'stateDir' | 'runbookDirs' | 'scenarios' | 'cadence' | 'force'>): { model: ReportModel; missingScenarios: string[] } {
  const loaded = store.load(id);
  const v = loaded.verification;
  if (v.firstBad && v.firstBad.problem !== 'torn' && !opts.force) {
    throw new WarroomError(`journal of ${id} fails verification at ${v.firstBad.message}; run "warroom verify ${id}", or pass --force to report on it anyway`, ExitCode.corrupt);
  }
  const data = opts.scenarios ? { scenarios: opts.scenarios } : scenarioDataFor(loaded.state.scenarios, opts.stateDir, opts.runbookDirs);
  const model = buildReport({
    events: loaded.events,
    state: loaded.state,
    scenarios: data.scenarios,
    now: opts.now,
    ...(opts.cadence ? { cadence: opts.cadence } : 'cadence' in data && data.cadence ? { cadence: data.cadence } : {}),
    verification: {
      ok: v.ok,
      count: v.count,
      headHash: v.headHash,
      ...(v.firstBad ? { firstBad: { seq: v.firstBad.seq, message: v.firstBad.message } } : {}),
      ...(loaded.shared ? { origins: loaded.shared.heads, ...tableHeadsOf(store, id) } : {}),
    },
  });
  return { model, missingScenarios: 'missing' in data ? data.missing : [] };
}

export async function exportReport(store: IncidentStore, id: string, opts: ExportOptions): Promise<ExportResult> {
  const { model, missingScenarios } = reportModel(store, id, opts);
  const text = renderReport(model, opts.format);
  const path = opts.out ? writeOutFile(opts.out, text, 'the report') : undefined;
  // Recorded only once the file exists, so the timeline never claims an export that did not happen.
  const [event] = await store.append(id, [{ kind: 'report.exported', data: { format: opts.format, draft: model.draft, ...(path ? { path } : {}) } }], opts.actor);
  return { model, text, event: event!, missingScenarios, ...(path ? { path } : {}) };
}

/** The table's heads as this machine's last sync found them (recorded in its sync config). */
function tableHeadsOf(store: IncidentStore, id: string): { table?: { origin: string; seq: number; hash: string }[] } {
  const heads = readSyncConfig(store.incidentsDir, id)?.tableHeads;
  return heads ? { table: heads } : {};
}
