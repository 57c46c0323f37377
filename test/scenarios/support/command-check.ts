// Checks one filled-in runbook command: shell words parse, no placeholder is left, every `aws` option exists
// for its subcommand (and the required ones are there), JSON arguments parse, and kubectl / terraform /
// psql / pg_dump / curl flags are real. Returns the problems, empty when the command is good.
import { AWS_COMMANDS, AWS_CUSTOM_COMMANDS, AWS_GLOBAL_OPTIONS, AWS_OPERATION_OPTIONS } from './aws-cli-options.js';
import { FIS_ACTIONS } from './fis-actions.js';
import { hasModel, modelOperation } from './sdk-model.js';
import { simpleCommands } from './shell-words.js';
import { KUBECTL_GLOBAL, KUBECTL_TWO_WORD, KUBECTL_VERBS, SIMPLE_TOOLS, TERRAFORM_COMMANDS, TERRAFORM_GLOBAL } from './tool-options.js';

/** Tools whose options are checked; other programs (project scripts, atmos, python) get the generic checks only. */

/** A required boolean's negation the CLI renames (awscli/customizations/argrename.py): --no-egress is --ingress. */
const RENAMED_NEGATIONS: Record<string, string> = { '--egress': '--ingress' };
export const CHECKED_TOOLS = ['aws', 'kubectl', 'terraform', ...Object.keys(SIMPLE_TOOLS)];

export function checkCommand(command: string): string[] {
  if (command.includes('{{')) return [`placeholder left after filling: ${command}`];
  let commands: string[][];
  try {
    commands = simpleCommands(command);
  } catch (err) {
    return [`does not parse as shell words: ${(err as Error).message}`];
  }
  if (commands.length === 0) return ['empty command'];
  return commands.flatMap((words) => {
    const tool = words[0]!;
    if (tool === 'aws') return checkAws(words);
    if (tool === 'kubectl') return checkKubectl(words);
    if (tool === 'terraform') return checkTerraform(words);
    const flags = SIMPLE_TOOLS[tool];
    return flags ? unknownFlags(words.slice(1), flags, tool) : [];
  });
}

/** Option pairs the service rejects together (the API's "either ... or" parameters). */
const EXCLUSIVE: [string, string][] = [
  ['--restore-time', '--use-latest-restorable-time'],
  ['--restore-to-time', '--use-latest-restorable-time'],
  ['--restore-date-time', '--use-latest-restorable-time'],
];

function checkAws(words: string[]): string[] {
  const [, service, sub, waiter] = words;
  const isWait = sub === 'wait';
  const key = isWait ? `${service} wait ${waiter}` : `${service} ${sub}`;
  const args = words.slice(isWait ? 4 : 3);
  const custom = AWS_CUSTOM_COMMANDS[key];
  const spec = custom ?? AWS_COMMANDS[key];
  if (!spec) return [`aws ${key}: not in the option table (add it from the AWS CLI reference)`];
  const allowed = new Set([...spec.options, ...AWS_GLOBAL_OPTIONS, ...(custom ? [] : AWS_OPERATION_OPTIONS)]);
  const problems: string[] = [];
  const given = new Set<string>();
  args.forEach((arg, i) => {
    if (!arg.startsWith('--')) return;
    const name = arg.split('=')[0]!;
    given.add(name);
    if (!allowed.has(name)) problems.push(`aws ${key}: unknown option ${name}`);
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[i + 1];
    if (value !== undefined && /^[[{]\s*["[{]/.test(value)) {
      try {
        JSON.parse(value);
      } catch (err) {
        problems.push(`aws ${key}: ${name} value is not valid JSON (${(err as Error).message})`);
      }
    }
  });
  for (const [a, b] of EXCLUSIVE) if (given.has(a) && given.has(b)) problems.push(`aws ${key}: ${a} and ${b} cannot be used together`);
  if (!isWait && !custom) problems.push(...checkAgainstModel(service!, sub!, given));
  if (key === 'fis create-experiment-template') problems.push(...checkFisActions(args));
  if (!given.has('--cli-input-json')) {
    for (const req of spec.required) if (!given.has(req) && !given.has(req.replace(/^--/, '--no-')) && !given.has(RENAMED_NEGATIONS[req] ?? '')) problems.push(`aws ${key}: missing required option ${req}`);
  }
  return problems;
}

/** The CLI's pagination options, added to paginated operations (the SDK model does not say which are). */
const PAGINATION = ['--starting-token', '--page-size', '--max-items'];

/** The options given, checked against the installed SDK client's service model when there is one. */
function checkAgainstModel(service: string, command: string, given: ReadonlySet<string>): string[] {
  if (!hasModel(service)) return [];
  const op = modelOperation(service, command);
  if (!op) return [`aws ${service} ${command}: no such operation in the ${service} service model`];
  const allowed = new Set([...op.options, ...AWS_GLOBAL_OPTIONS, ...AWS_OPERATION_OPTIONS, ...PAGINATION]);
  const problems = [...given].filter((g) => !allowed.has(g)).map((g) => `aws ${service} ${command}: ${g} is not an input of ${op.operation} in the service model`);
  if (!given.has('--cli-input-json')) for (const r of op.required) if (!given.has(r)) problems.push(`aws ${service} ${command}: ${op.operation} requires ${r} (service model)`);
  return problems;
}

/** Every actionId in an FIS template's --actions must be an action FIS has. */
function checkFisActions(args: string[]): string[] {
  const i = args.findIndex((a) => a === '--actions' || a.startsWith('--actions='));
  if (i < 0) return [];
  const raw = args[i]!.includes('=') ? args[i]!.slice(args[i]!.indexOf('=') + 1) : args[i + 1];
  let actions: Record<string, { actionId?: string }>;
  try {
    actions = JSON.parse(raw ?? '') as Record<string, { actionId?: string }>;
  } catch {
    return []; // reported as invalid JSON above
  }
  return Object.values(actions)
    .map((a) => a.actionId ?? '')
    .filter((id) => !FIS_ACTIONS.includes(id))
    .map((id) => `aws fis create-experiment-template: ${id || '(no actionId)'} is not an FIS action`);
}

function checkKubectl(words: string[]): string[] {
  const rest: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    const name = w.split('=')[0]!;
    // Global flags may come before the verb; skip them and their values.
    if (KUBECTL_GLOBAL.includes(name)) {
      if (!w.includes('=')) i++;
      continue;
    }
    rest.push(w);
  }
  const verb = KUBECTL_TWO_WORD.includes(rest[0] ?? '') ? `${rest[0]} ${rest[1]}` : (rest[0] ?? '');
  const flags = KUBECTL_VERBS[verb];
  if (!flags) return [`kubectl ${verb}: not in the option table`];
  return unknownFlags(rest, [...flags, ...KUBECTL_GLOBAL], `kubectl ${verb}`);
}

function checkTerraform(words: string[]): string[] {
  let i = 1;
  const problems: string[] = [];
  while (words[i]?.startsWith('-')) {
    if (!TERRAFORM_GLOBAL.includes(words[i]!.split('=')[0]!)) problems.push(`terraform: unknown global option ${words[i]}`);
    i++;
  }
  const sub = words[i] === 'workspace' ? `workspace ${words[i + 1]}` : (words[i] ?? '');
  const flags = TERRAFORM_COMMANDS[sub];
  if (!flags) return [...problems, `terraform ${sub}: not in the option table`];
  for (const w of words.slice(i + 1)) {
    if (!w.startsWith('-')) continue;
    if (w.startsWith('--')) problems.push(`terraform ${sub}: options take one dash (${w})`);
    else if (!flags.includes(w.split('=')[0]!)) problems.push(`terraform ${sub}: unknown option ${w}`);
  }
  return problems;
}

function unknownFlags(args: string[], flags: string[], what: string): string[] {
  return args
    .filter((a) => a.startsWith('-') && a !== '-' && a !== '--' && !/^-\d/.test(a))
    .map((a) => a.split('=')[0]!)
    .filter((name) => !flags.includes(name))
    .map((name) => `${what}: unknown option ${name}`);
}
