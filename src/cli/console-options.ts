// The options `warroom` (the console) accepts, defined once: commander registers them for --help and the
// commands, and parseConsoleArgv reads them directly so the console can start without loading commander.
import type { Command } from 'commander';

export interface OptionDef {
  /** commander's flags syntax: "--state-dir <dir>" takes a value, "--allow-actions" is a switch. */
  flags: string;
  description: string;
  /** Repeatable: the values collect into a list (commander gets an accumulator). */
  repeatable?: true;
}

/** Options of the program itself, shared by every command. */
export const GLOBAL_OPTIONS: readonly OptionDef[] = [
  { flags: '--state-dir <dir>', description: 'where incidents are kept (env WARROOM_STATE_DIR; default ./state)' },
  { flags: '--actor <name>', description: 'who is acting, recorded on every event (env WARROOM_ACTOR; default the OS user)' },
  { flags: '--runbooks <dir>', description: 'a directory of your own runbook files (repeatable); <state-dir>/runbooks is always read', repeatable: true },
];

/** Options only the console reads. */
export const CONSOLE_OPTIONS: readonly OptionDef[] = [
  { flags: '--allow-actions', description: 'console: allow mutating AWS actions (each needs the target typed to confirm)' },
  { flags: '--profile <name>', description: 'console: AWS profile (env AWS_PROFILE)' },
  { flags: '--region <region>', description: 'console: primary region (env AWS_REGION, then AWS_DEFAULT_REGION)' },
  { flags: '--dr-region <region>', description: 'console: disaster-recovery region (env WARROOM_DR_REGION)' },
  { flags: '--endpoint-url <url>', description: 'console: send every AWS call here (env AWS_ENDPOINT_URL)' },
  { flags: '--last', description: 'console: open the incident you last had open in this state dir' },
  { flags: '--facilitator', description: 'console: control the drill of the exercise you open (unless someone else holds it) and show the facilitator\'s lines' },
  { flags: '--role <role>', description: 'console: the role you join a drill in: player (default), evaluator or observer' },
];

/** Registers definitions with commander; a repeatable one collects its values into a list. */
export function addOptions(program: Command, defs: readonly OptionDef[]): void {
  for (const d of defs) {
    if (d.repeatable) program.option(d.flags, d.description, (v: string, acc: string[]) => [...acc, v], [] as string[]);
    else program.option(d.flags, d.description);
  }
}

/** "--dr-region <region>" -> { name: "dr-region", key: "drRegion", takesValue: true }, as commander names it. */
export function optionShape(def: OptionDef): { name: string; key: string; takesValue: boolean } {
  const [flag = '', arg] = def.flags.split(' ');
  const name = flag.replace(/^--/, '');
  return { name, key: name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), takesValue: arg !== undefined };
}

export type ParsedOptions = Record<string, string | string[] | true>;

/**
 * argv made only of the options above (`--name value`, `--name=value`, switches), as commander would parse
 * it; undefined for anything else (a command, --help, an unknown or malformed option), which commander handles.
 */
export function parseConsoleArgv(argv: readonly string[]): ParsedOptions | undefined {
  const shapes = new Map([...GLOBAL_OPTIONS, ...CONSOLE_OPTIONS].map((d) => [optionShape(d).name, { ...optionShape(d), repeatable: d.repeatable === true }]));
  const out: ParsedOptions = {};
  for (const s of shapes.values()) if (s.repeatable) out[s.key] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') return undefined;
    const eq = arg.indexOf('=');
    const shape = shapes.get(arg.slice(2, eq < 0 ? undefined : eq));
    if (!shape) return undefined;
    if (!shape.takesValue) {
      if (eq >= 0) return undefined;
      out[shape.key] = true;
      continue;
    }
    // Like commander, a required value is the next word whatever it looks like.
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) return undefined;
    out[shape.key] = shape.repeatable ? [...(out[shape.key] as string[]), value] : value;
  }
  return out;
}
