// The console's scenario catalog, AWS ports and report export. Live incidents get the AWS the session was
// configured for (the simulated AWS when none is); exercise incidents always get a simulated AWS of their
// own, so nothing a drill does can reach real AWS whatever flags the session was started with.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sanitizeLine, type Clock } from '../core/index.js';
import type { AwsPorts } from '../aws/ports.js';
import { loadAwsPorts, type CreatedPorts } from '../aws/load-ports.js';
import { formatProblem, loadCatalog, type Scenario } from '../scenarios/index.js';
import type { IncidentStore } from '../store/incident-store.js';
import type { IncidentSetup } from '../ui/deps.js';
import type { UiScenario } from '../ui/scenario.js';

export interface AwsFlags {
  profile?: string | undefined;
  region?: string | undefined;
  drRegion?: string | undefined;
  endpointUrl?: string | undefined;
}

export interface ConsoleCatalog {
  scenarios: readonly UiScenario[];
  problems: string[];
}

export interface ConsoleWiring {
  /** Reads and validates the runbooks on first call (the console calls it after its first frame). */
  catalog: () => ConsoleCatalog;
  aws: AwsPorts;
  /** The simulated AWS exercise incidents run on. */
  exerciseAws: AwsPorts;
  awsConnected: boolean;
  modeLabel: string;
  prepareIncident: (setup: IncidentSetup) => void;
  applyInject: (setup: IncidentSetup, injectId: string) => string | undefined;
  exportReport: (id: string) => Promise<{ path: string; format: string; draft: boolean }>;
}

/** The banner's mode badge for a set of ports: "LIVE profile account region (DR dr-region)" or "SIMULATED region". */
export function modeLabelFor(aws: AwsPorts): string {
  const d = aws.describe;
  if (aws.mode === 'simulated') return `SIMULATED ${d.region}`;
  return ['LIVE', d.profile, d.account, d.region, d.drRegion ? `(DR ${d.drRegion})` : undefined].filter(Boolean).join(' ');
}

export interface WiringOptions {
  stateDir: string;
  runbookDirs: readonly string[];
  store: IncidentStore;
  allowActions: boolean;
  aws: AwsFlags;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  /** The clock exercise resources age by: the drill's clock when one is running. */
  exerciseClock?: Clock;
  seed?: number;
}

export async function consoleWiring(opts: WiringOptions): Promise<ConsoleWiring> {
  let loaded: { scenarios: Scenario[]; problems: string[]; byId: Map<string, Scenario> } | undefined;
  const catalog = () => {
    if (!loaded) {
      const c = loadCatalog({ dirs: [...opts.runbookDirs], stateDir: opts.stateDir, env: opts.env });
      const problems = c.problems.map((p) => `skipped runbook ${sanitizeLine(formatProblem(p))}`);
      loaded = { scenarios: c.scenarios, problems, byId: new Map(c.scenarios.map((s) => [s.id, s])) };
    }
    return loaded;
  };
  const byId = (id: string) => catalog().byId.get(id);
  const live = await loadAwsPorts({ mode: 'live', ...opts.aws, allowActions: opts.allowActions, env: opts.env, clock: opts.clock });
  // Drills practise actions on the model, so they are enabled there (each still needs its typed confirmation).
  const exercise = await loadAwsPorts({ mode: 'exercise', allowActions: true, env: {}, clock: opts.exerciseClock ?? opts.clock, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  return {
    catalog,
    aws: live,
    exerciseAws: exercise,
    awsConnected: true,
    modeLabel: modeLabelFor(live),
    prepareIncident: (setup) => {
      // The simulated AWS needs the incident's resources (tables, clusters, zones) to exist before a verify reads them.
      for (const ports of setup.mode === 'exercise' ? [exercise] : [live]) loadIntoSim(ports, setup.scenarios.map((id) => byId(id)), setup.params);
    },
    applyInject: (setup, injectId) => {
      const inject = setup.scenarios.flatMap((id) => byId(id)?.injects ?? []).find((i) => i.id === injectId);
      return inject && exercise.sim ? exercise.sim.applyInject(inject) : undefined;
    },
    exportReport: async (id) => {
      // The report renderers are needed only when asked for, so they stay out of start-up.
      const [{ reportModel }, { renderReport }, { actionItems }, { actionItemsCsv }] = await Promise.all([
        import('./report-export.js'),
        import('../report/render.js'),
        import('../core/review/record.js'),
        import('../report/action-items-export.js'),
      ]);
      const { model } = reportModel(opts.store, id, { now: opts.clock.now(), stateDir: opts.stateDir, runbookDirs: opts.runbookDirs, force: true });
      // Every format into one directory: WARROOM_REPORT_DIR when chosen, else <state>/reports.
      const dir = resolve(opts.env.WARROOM_REPORT_DIR || join(opts.store.dir, 'reports'));
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const stamp = new Date(opts.clock.now()).toISOString().replace(/[:.]/g, '-');
      const base = join(dir, `${id}-${stamp}`);
      for (const format of ['html', 'json'] as const) writeFileSync(`${base}.${format}`, renderReport(model, format), { mode: 0o600 });
      writeFileSync(`${base}-action-items.csv`, actionItemsCsv(actionItems(id, opts.store.load(id).events), 'jira'), { mode: 0o600 });
      // The Markdown last: the path the console shows and records names a set that is complete.
      const path = `${base}.md`;
      writeFileSync(path, renderReport(model, 'md'), { mode: 0o600 });
      return { path, format: 'md+html+json+csv', draft: model.draft };
    },
  };
}

function loadIntoSim(ports: CreatedPorts, scenarios: readonly (Scenario | undefined)[], params: Readonly<Record<string, string>>): void {
  if (!ports.sim) return;
  for (const s of scenarios) if (s) ports.sim.load(s, params);
}
