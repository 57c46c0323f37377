// `warroom drills due`: the scheduled drills (runbooks with a `cadence`) and when each is next due, from the
// exercise incidents in the state dir that ran it; overdue ones first.
import { drillsDue, sanitizeLine, type DrillRun } from '../core/index.js';
import { formatDuration } from '../scenarios/index.js';
import { loadCliCatalog } from './catalog.js';
import type { CliContext } from './context.js';
import type { Register } from './main.js';

async function exerciseRuns(ctx: CliContext): Promise<DrillRun[]> {
  const store = ctx.store();
  const runs: DrillRun[] = [];
  for (const summary of await store.list()) {
    if (summary.mode !== 'exercise' || summary.problem) continue;
    try {
      const { state } = store.load(summary.id);
      for (const scenario of state.scenarios) runs.push({ scenario, at: summary.openedAt, incident: summary.id });
    } catch {
      // An unreadable journal is reported by "warroom list"; it counts as no run here.
    }
  }
  return runs;
}

/** 3 d, 5 h, 12 min: how late, to the unit that matters. */
const roughly = (s: number) => (s >= 86_400 ? `${Math.floor(s / 86_400)} d` : s >= 3600 ? `${Math.floor(s / 3600)} h` : `${Math.max(1, Math.floor(s / 60))} min`);

export async function drillsDueCommand(ctx: CliContext, opts: { json?: boolean; all?: boolean }): Promise<number> {
  const drills = loadCliCatalog(ctx).scenarios.flatMap((s) => (s.cadence ? [{ id: s.id, title: s.title, cadence_seconds: s.cadence }] : []));
  const rows = drillsDue(drills, await exerciseRuns(ctx), ctx.clock.now());
  const shown = opts.all ? rows : rows.filter((r) => r.overdue);
  if (opts.json) {
    ctx.out(JSON.stringify(shown, null, 2));
    return 0;
  }
  if (shown.length === 0) {
    ctx.out(`no drill is overdue (${rows.length} scheduled; --all lists them)`);
    return 0;
  }
  ctx.out(['DRILL', 'EVERY', 'LAST RUN', 'DUE', 'TITLE'].join('\t'));
  for (const r of shown) {
    const due = !r.last ? 'now (never run)' : r.overdue ? `overdue by ${roughly(r.overdueSeconds)}` : `${r.dueAt!.slice(0, 10)}`;
    ctx.out([r.id, formatDuration(r.cadence_seconds), r.last ? `${r.last.at.slice(0, 10)} ${r.last.incident}` : '-', due, sanitizeLine(r.title)].join('\t'));
  }
  return 0;
}

export const registerDrillCommands: Register = (program, run) => {
  const drills = program.command('drills').description('scheduled drills: their cadence and which are due');
  drills
    .command('due')
    .description('list the drills that are overdue (never run, or last run longer ago than their cadence)')
    .option('--all', 'list every scheduled drill, not only the overdue ones')
    .option('--json', 'print as JSON')
    .action(run(async (ctx, opts: { json?: boolean; all?: boolean }) => drillsDueCommand(ctx, opts)));
};
