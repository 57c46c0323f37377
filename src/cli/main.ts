// The composition root for scriptable commands: parses argv and runs one command. Errors leave as one
// line on stderr with an exit code from core/errors (a stack trace only with WARROOM_DEBUG=1).
import { Command, CommanderError } from 'commander';
import { ExitCode, sanitizeLine } from '../core/index.js';
import { makeContext, processIo, type CliContext, type CliIo, type GlobalOptions } from './context.js';
import { addOptions, GLOBAL_OPTIONS } from './console-options.js';
import { registerAwsCommands } from './aws-commands.js';
import { registerCommsCommands } from './comms-commands.js';
import { registerConsole, runConsole } from './console-command.js';
import { registerExerciseCommands } from './exercise-commands.js';
import { registerExerciseDebriefCommands } from './exercise-debrief-commands.js';
import { registerIncidentCommands } from './incident-commands.js';
import { registerReadCommands } from './read-commands.js';
import { registerReportCommands } from './report-commands.js';
import { registerDrillExportCommands } from './drill-export-commands.js';
import { registerReviewCommands } from './review-commands.js';
import { registerActionsCommands } from './actions-commands.js';
import { registerScenarioCommands } from './scenario-commands.js';
import { registerStepCommand } from './step-command.js';
import { registerSyncCommands } from './sync-commands.js';
import { reportWarroomError } from './report-error.js';
import { registerTriageCommand } from './triage-command.js';
import { registerInitCommand } from './init-command.js';
import { registerDeclareCommand } from './declare-command.js';
import { registerDrillCommands } from './drill-commands.js';
import { readVersion } from './version.js';

declare const __WARROOM_VERSION__: string | undefined;

export type Register = (program: Command, run: Runner) => void;
/** Wraps a command body so it receives the context built from the global options. */
export type Runner = <A extends unknown[]>(
  body: (ctx: CliContext, ...args: A) => Promise<number | void> | number | void,
) => (...args: unknown[]) => Promise<void>;

/** Every group of commands; a new group is one more line here. */
const GROUPS: Register[] = [
  registerIncidentCommands,
  registerReadCommands,
  registerScenarioCommands,
  registerTriageCommand,
  registerInitCommand,
  registerDeclareCommand,
  registerReportCommands,
  registerDrillExportCommands,
  registerReviewCommands,
  registerActionsCommands,
  registerAwsCommands,
  registerStepCommand,
  registerCommsCommands,
  registerConsole,
  registerSyncCommands,
  registerDrillCommands,
  registerExerciseCommands((ctx, plan, incidentId) =>
    runConsole(ctx, {
      allowActions: false,
      open: { incidentId, drill: { speed: plan.speed, ...(plan.seed !== undefined ? { seed: plan.seed } : {}), facilitator: true } },
      ...(plan.seed !== undefined ? { seed: plan.seed } : {}),
    }),
  ),
  registerExerciseDebriefCommands(),
];

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('warroom')
    .description('A terminal incident console for AWS disaster recovery: runbooks, live CloudWatch panes and an append-only timeline.')
    .version(typeof __WARROOM_VERSION__ === 'string' ? __WARROOM_VERSION__ : readVersion(), '-V, --version')
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
      // Usage errors leave through reportError as one line; commander's own "error: ..." lines are not printed.
      outputError: () => {},
    })
    .exitOverride();
  addOptions(program, GLOBAL_OPTIONS);

  const run: Runner =
    (body) =>
    async (...args) => {
      const cmd = args[args.length - 1] as Command;
      const globals = cmd.optsWithGlobals<GlobalOptions & Record<string, unknown>>();
      const ctx = makeContext(globals, io);
      // Options given to the program (the console's AWS flags) and to a command are one set to the command.
      const rest = args.slice(0, -1);
      if (rest.length > 0) rest[rest.length - 1] = { ...globals, ...(rest[rest.length - 1] as object) };
      const code = await body(ctx, ...(rest as never));
      setExit(typeof code === 'number' ? code : ExitCode.ok);
    };
  for (const register of GROUPS) register(program, run);
  return program;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exit: number = ExitCode.ok;
  const program = buildProgram(io, (c) => {
    exit = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (err) {
    return reportError(err, io, commandPath(program, argv));
  }
}

export function reportError(err: unknown, io: Pick<CliIo, 'err' | 'env'>, command = 'warroom'): number {
  if (err instanceof CommanderError) {
    // Help and version are "errors" to commander; their text is already printed.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.ok;
    io.err(`warroom: ${sanitizeLine(usageText(err.message))} (run "${command} --help" for usage)`);
    return ExitCode.usage;
  }
  return reportWarroomError(err, io);
}

/** commander's "error: unknown command 'x'\n(Did you mean y?)" as one clause: "unknown command 'x'; did you mean y?" */
function usageText(message: string): string {
  const [first = '', ...rest] = message.replace(/^error:\s*/i, '').split('\n').map((l) => l.trim()).filter(Boolean);
  const more = rest.map((l) => l.replace(/^\((.*)\)$/, '$1')).map((l) => l.charAt(0).toLowerCase() + l.slice(1));
  return [first.replace(/\.$/, ''), ...more].join('; ');
}

/** "warroom scenarios show": the command the words of argv name, for the --help hint. */
function commandPath(program: Command, argv: readonly string[]): string {
  const path = ['warroom'];
  let cmd = program;
  for (const word of argv) {
    if (word.startsWith('-')) continue;
    // Option values and arguments are passed over: only the words that name a (sub)command count.
    const sub = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) continue;
    path.push(sub.name());
    cmd = sub;
  }
  return path.join(' ');
}
