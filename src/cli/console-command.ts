// `warroom` with no command: the full-screen console. Checks the terminal first (a clear message instead
// of Ink's raw-mode crash), then loads Ink and the UI on demand so scriptable commands stay fast.
import { eventsOfKinds } from '../store/timeline-window.js';
import { readSyncConfig } from '../store/origin-feeds.js';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, sanitizeLine, simElapsed, usageError, type ExerciseClock } from '../core/index.js';
import { IncidentStore } from '../store/incident-store.js';
import type { ConsoleOpenOptions } from '../ui/console.js';
import type { UiDeps } from '../ui/deps.js';
import { consoleStore } from './console-store.js';
import { withServiceProfile } from './console-profile.js';
import { addOptions, CONSOLE_OPTIONS, type ParsedOptions } from './console-options.js';
import { consoleWiring, type AwsFlags, type ConsoleCatalog, type ConsoleWiring } from './console-wiring.js';
import { makeContext, processIo, type CliContext, type CliIo, type GlobalOptions } from './context.js';
import type { Register } from './main.js';
import { loadUi, type LoadedUi } from './load-ui.js';
import { reportWarroomError } from './report-error.js';
import { flushTrace, traceMark } from './startup-trace.js';
import { osc52, takeTerminal } from './terminal.js';
import { lastIncident, rememberIncident } from './last-incident.js';
import { runRecordedAction } from '../aws/recorded-action.js';
import { reportInterruptedWaits } from './interrupted-waits.js';
import { writeCommandFiles } from './step-files.js';
import { consoleComms, type ConsoleComms } from '../comms/console-port.js';
import { makeOutbox } from '../comms/wire.js';

export const registerConsole: Register = (program, run) => {
  addOptions(program, CONSOLE_OPTIONS);
  program
    // Excess words reach the action so a mistyped command gets a clear message instead of opening the console.
    .allowExcessArguments(true)
    .action(
      run(async (ctx, opts: ConsoleFlags) => {
        const [word] = program.args;
        if (word !== undefined) throw usageError(`unknown command "${word}" (see warroom --help)`);
        return runConsole(ctx, consoleOptions(opts));
      }),
    );
};

/** The console's own options as parsed, by commander or by parseConsoleArgv. */
export type ConsoleFlags = { allowActions?: boolean; facilitator?: boolean; last?: boolean; role?: string } & AwsFlags;

const JOIN_ROLES = ['player', 'evaluator', 'observer'] as const;

export function consoleOptions(opts: ConsoleFlags): ConsoleOptions {
  const aws: AwsFlags = { profile: opts.profile, region: opts.region, drRegion: opts.drRegion, endpointUrl: opts.endpointUrl };
  const role = opts.role;
  if (role !== undefined && !(JOIN_ROLES as readonly string[]).includes(role)) {
    throw usageError(`--role ${role} is not a drill role (use player, evaluator or observer; --facilitator takes control)`);
  }
  const joinAs = role as (typeof JOIN_ROLES)[number] | undefined;
  const drill = opts.facilitator ? { drill: { speed: 1, facilitator: true } } : {};
  const open: ConsoleOpenOptions | undefined = opts.facilitator || joinAs ? { ...drill, ...(joinAs ? { role: joinAs } : {}) } : undefined;
  return { allowActions: opts.allowActions === true, aws, ...(open ? { open } : {}), ...(opts.last ? { last: true } : {}) };
}

/** `warroom [options]` without commander: argv already read by parseConsoleArgv. */
export async function consoleMain(parsed: ParsedOptions, ui?: Promise<LoadedUi>, io: CliIo = processIo()): Promise<number> {
  try {
    const ctx = makeContext(parsed as GlobalOptions, io);
    return await runConsole(ctx, { ...consoleOptions(parsed as ConsoleFlags), ...(ui ? { ui } : {}) });
  } catch (err) {
    return reportWarroomError(err, io);
  }
}

export interface ConsoleOptions {
  allowActions: boolean;
  aws?: AwsFlags;
  open?: ConsoleOpenOptions;
  seed?: number;
  /** Open the incident this actor last had open in the state dir. */
  last?: boolean;
  /** Ink and the UI, when the caller started loading them already. */
  ui?: Promise<LoadedUi>;
}

/** Delivery for the console; a broken channels section is a warning, never a console that will not open. */
function startConsoleComms(ctx: CliContext, store: IncidentStore, warn: (m: string) => void): ConsoleComms | undefined {
  try {
    const deps = makeOutbox({
      store: { load: (id) => store.load(id), append: (id, ev, actor) => store.append(id, ev, actor), journalPath: (id) => store.journalPath(id), ownOrigin: (id) => readSyncConfig(store.incidentsDir, id)?.origin, commsEvents: (id) => (store.isShared(id) ? undefined : eventsOfKinds(store.journalPath(id), (kind) => kind.startsWith('comms.'))) },
      clock: ctx.clock,
      actor: ctx.actor,
      env: ctx.env,
    });
    return consoleComms(deps, warn);
  } catch (err) {
    warn(`delivery is off: ${(err as Error).message}`);
    return undefined;
  }
}

/** The console needs a terminal: a clear message instead of Ink's raw-mode crash. */
export function requireTerminal(): void {
  const { stdin, stdout } = process;
  if (!stdin.isTTY || !stdout.isTTY) {
    throw usageError(`the console needs an interactive terminal (${!stdin.isTTY ? 'stdin' : 'stdout'} is not a TTY); for scripts use the commands, e.g. "warroom list" (see --help)`);
  }
}

/** The catalog never stops the console once it is on screen: a failure to read it is shown as its problem. */
function catalogOrProblem(wiring: ConsoleWiring): ConsoleCatalog {
  try {
    return wiring.catalog();
  } catch (err) {
    return { scenarios: [], problems: [`cannot read the runbooks: ${sanitizeLine((err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '')}`] };
  }
}

export async function runConsole(ctx: CliContext, opts: ConsoleOptions): Promise<number> {
  const { stdin, stdout } = process;
  requireTerminal();
  const last = lastIncident(ctx.stateDir, ctx.actor);
  if (opts.last) {
    if (!last) throw usageError(`${ctx.actor} has opened no incident in ${ctx.stateDir} yet (open one from the list; --last opens it next time)`);
    opts = { ...opts, open: { ...opts.open, incidentId: last } };
  }
  // Ink and the UI take most of the start-up; start loading them while the store and wiring are set up.
  const loadingUi = opts.ui ?? loadUi();
  traceMark('console: loading ui');
  loadingUi.catch(() => {}); // awaited below; this only keeps an early failure from being reported twice
  // Journal warnings (a torn line moved aside) become toasts: writing them to stderr would tear the screen.
  let warn: (message: string) => void = (m) => ctx.err(`warroom: warning: ${m}`);
  const store = new IncidentStore(ctx.stateDir, ctx.clock, (w) => warn(w.message));
  store.ensureWritable();
  // The exercise AWS ages on the drill's clock (x60 makes a 20-minute restore take 20 s), real time otherwise.
  let drill: { clock: ExerciseClock; startedAt: number } | undefined;
  const exerciseClock = { now: () => (drill ? drill.startedAt + simElapsed(drill.clock, ctx.clock.now()) : ctx.clock.now()) };
  const wiring = await consoleWiring({
    stateDir: ctx.stateDir,
    runbookDirs: ctx.runbookDirs,
    store,
    allowActions: opts.allowActions,
    aws: opts.aws ?? {},
    env: ctx.env,
    clock: ctx.clock,
    exerciseClock,
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  });
  traceMark('console: wiring ready');
  const deps: UiDeps = {
    store: consoleStore(store, ctx.actor),
    // The catalog (dozens of YAML files to parse and validate) arrives right after the first frame.
    scenarios: [],
    catalogPending: true,
    catalogProblems: [],
    aws: wiring.aws,
    exerciseAws: wiring.exerciseAws,
    runAction: runRecordedAction,
    prepareIncident: wiring.prepareIncident,
    applyInject: wiring.applyInject,
    setDrillClock: (clock, startedAt) => {
      drill = clock ? { clock, startedAt } : undefined;
    },
    awsConnected: wiring.awsConnected,
    clock: ctx.clock,
    actor: ctx.actor,
    // A fresh id per console process: the drill's lease names the console, not the person.
    consoleId: randomBytes(3).toString('hex'),
    allowActions: opts.allowActions,
    modeLabel: wiring.modeLabel,
    filesDir: join(store.dir, 'files'),
    writeFiles: async (dir, files) => {
      writeCommandFiles(dir, files);
    },
    writeComms: async (id, text) => {
      const dir = join(store.dir, 'comms');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, `${id}-${new Date(ctx.clock.now()).toISOString().replace(/[:.]/g, '-')}.txt`);
      writeFileSync(path, `${text}\n`, { mode: 0o600 });
      return path;
    },
    exportReport: wiring.exportReport,
    copy: (text) => osc52(stdout, text),
    ...(last ? { lastIncident: last } : {}),
    rememberIncident: (id) => rememberIncident(ctx.stateDir, ctx.actor, id),
  };
  const comms = startConsoleComms(ctx, store, (m) => warn(m));
  if (comms) {
    deps.withCommsQueue = comms.withQueue;
    deps.kickComms = comms.kick;
    deps.previewComms = comms.preview;
    deps.pageLevel = comms.pageLevel;
    deps.autoPageLevels = comms.autoPage;
  }
  const [{ render }, { createConsole }] = await loadingUi;
  traceMark('console: ui loaded');
  const guard = takeTerminal(stdin, stdout, ctx.err);
  return new Promise<number>((resolve) => {
    let done = false;
    const finish = (code: number = ExitCode.ok) => {
      if (done) return;
      done = true;
      app.runner.stop();
      comms?.stop();
      instance.unmount();
      guard.restore();
      resolve(code);
    };
    const app = createConsole(deps, { cols: stdout.columns || 80, rows: stdout.rows || 24, env: ctx.env, onExit: (code) => setImmediate(() => finish(code)), ...(opts.open ? { open: opts.open } : {}) });
    warn = (message) => app.store.dispatch({ type: 'warning', message });
    const instance = render(app.element, { exitOnCtrlC: false, patchConsole: true, maxFps: 60 });
    traceMark('console: first frame');
    // The runner's first reads (the incident list) start now and finish while the catalog is read. The catalog
    // is read in the same synchronous step, so no key and no read result is handled before it is in.
    app.runner.start();
    // After the first frame: waits the last console left unfinished are reported (timeline and a toast).
    setImmediate(() => {
      reportInterruptedWaits(store, ctx.actor).then((lines) => lines.forEach((l) => warn(l)), (err: unknown) => warn(`could not look for interrupted waits: ${(err as Error).message}`));
    });
    app.store.dispatch({ type: 'catalog.loaded', ...withServiceProfile(catalogOrProblem(wiring), ctx.env) });
    setImmediate(() => comms?.resume(store.ids()));
    traceMark('console: catalog loaded');
    flushTrace();
  });
}
