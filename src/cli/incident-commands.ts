// Commands that append to a timeline: the same events the console writes, for scripts and a scribe's terminal.
import { Option, type Command } from 'commander';
import {
  isMilestone,
  isStatus,
  MILESTONES,
  milestoneEvents,
  notFound,
  parseAtTime,
  parseSeverity,
  STATUSES,
  TEXT_MAX_CHARS,
  statusEvents,
  usageError,
  type NewEvent,
} from '../core/index.js';
import { readTail } from '../store/journal-file.js';
import type { Register } from './main.js';
import { checkGivenParams, findScenario } from '../scenarios/index.js';
import { boundedLineBatches, type BoundedLine } from './bounded-lines.js';
import { loadCliCatalog } from './catalog.js';

const LOG_KINDS = ['note', 'decision', 'action', 'comms'] as const;
type LogKind = (typeof LOG_KINDS)[number];

const ROLE_ALIASES: Record<string, string> = {
  ic: 'incident-commander',
  commander: 'incident-commander',
  'incident-commander': 'incident-commander',
  deputy: 'deputy',
  scribe: 'scribe',
  ops: 'operations-lead',
  'operations-lead': 'operations-lead',
  comms: 'communications-lead',
  'communications-lead': 'communications-lead',
  dba: 'dba',
  security: 'security',
};

export function normaliseRole(role: string): string {
  const key = role.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (!key) throw usageError('role must not be empty');
  return ROLE_ALIASES[key] ?? key;
}

function logEvent(kind: LogKind, text: string): NewEvent {
  switch (kind) {
    case 'note':
      return { kind: 'note', data: { text } };
    case 'decision':
      return { kind: 'decision', data: { text } };
    case 'action':
      return { kind: 'action_item.added', data: { text } };
    case 'comms':
      return { kind: 'comms.sent', data: { channel: 'status', text } };
  }
}

/** A line longer than an event may hold is kept truncated, with a marker in the text and a warning naming it. */
function fitText(line: BoundedLine, ctx: { err: (l: string) => void }): string {
  if (line.length <= TEXT_MAX_CHARS) return line.text;
  const marker = (kept: number) => ` [truncated: ${line.length} characters, the first ${kept} kept]`;
  const kept = TEXT_MAX_CHARS - marker(TEXT_MAX_CHARS).length;
  ctx.err(`warroom: warning: line ${line.number} has ${line.length} characters, more than an event holds (${TEXT_MAX_CHARS}); recorded truncated`);
  return line.text.slice(0, kept) + marker(kept);
}

export function parseAt(at: string | undefined, now: number): { at: string; backdated: boolean } {
  if (at === undefined) return { at: new Date(now).toISOString(), backdated: false };
  // A zone is required so "10:00" is never silently read as local or UTC; impossible dates are refused.
  const when = parseAtTime(at, now);
  if (!when.ok) throw usageError(`--at ${when.error}`);
  return { at: when.at, backdated: when.backdated };
}

export const registerIncidentCommands: Register = (program: Command, run) => {
  program
    .command('new')
    .description('declare a new incident and print its id')
    .requiredOption('--title <text>', 'what is happening, in a few words')
    .requiredOption('--severity <sev>', 'SEV1..SEV4 (P1..P4 accepted)')
    .option('--scenario <id...>', 'scenario id(s) from the catalog')
    .option('--param <key=value...>', 'scenario params, e.g. table=orders')
    .option('--params-later', 'open it with scenario params missing: each is asked at the step that needs it')
    .option('--exercise', 'a tabletop exercise, not a live incident')
    .option('--json', 'print the new incident as JSON')
    .action(
      run(async (ctx, opts: { title: string; severity: string; scenario?: string[]; param?: string[]; paramsLater?: boolean; exercise?: boolean; json?: boolean }) => {
        const severity = parseSeverity(opts.severity);
        const params = parseParams(opts.param ?? []);
        if (opts.scenario?.length) {
          const catalog = loadCliCatalog(ctx);
          const chosen = opts.scenario.map((id) => findScenario(catalog, id));
          checkGivenParams(chosen, params);
          // An incident whose runbook would show {{placeholders}} in every command is not opened.
          for (const s of opts.paramsLater ? [] : chosen) {
            const missing = Object.entries(s.params).filter(([name, p]) => params[name] === undefined && p.default === undefined).map(([name]) => name);
            if (missing.length) {
              throw usageError(`${s.id} needs params ${missing.join(', ')} (give each with --param NAME=VALUE, or add --params-later to give them at the step that needs them)`);
            }
          }
        }
        const first = await ctx.store().create(
          { title: opts.title, severity, mode: opts.exercise ? 'exercise' : 'live', scenarios: opts.scenario ?? [], params },
          ctx.actor,
        );
        const id = String(first.data.id);
        ctx.out(opts.json ? JSON.stringify({ id, seq: first.seq, ts: first.ts, severity, mode: first.data.mode }) : id);
      }),
    );

  program
    .command('log')
    .description('append a note, decision, action item or communication; --stdin appends one event per input line')
    .argument('<id>', 'incident id')
    .argument('[text...]', 'the text to record')
    .addOption(new Option('--kind <kind>', 'what the text is').choices(LOG_KINDS).default('note'))
    .option('--stdin', 'read events from standard input, one per line, printing each seq once it is durable')
    .option('--json', 'print the appended event(s) as JSON lines')
    .action(
      run(async (ctx, id: string, words: string[], opts: { kind: LogKind; stdin?: boolean; json?: boolean }) => {
        const store = ctx.store();
        const print = (e: { seq: number }) => ctx.out(opts.json ? JSON.stringify(e) : String(e.seq));
        if (opts.stdin) {
          if (words.length > 0) throw usageError('give the text on standard input or as arguments, not both');
          store.journal(id); // fail fast on an unknown id before reading input
          // Every line that arrived together is written with one fsync (group commit); each seq is printed
          // only after that fsync, so a printed seq is always durable.
          for await (const lines of boundedLineBatches(ctx.stdin, TEXT_MAX_CHARS)) {
            const events = lines.filter((line) => line.text.trim() !== '').map((line) => logEvent(opts.kind, fitText(line, ctx)));
            if (events.length === 0) continue;
            ctx.out((await store.append(id, events, ctx.actor)).map((e) => (opts.json ? JSON.stringify(e) : String(e.seq))).join('\n'));
          }
          return;
        }
        const text = words.join(' ');
        if (!text.trim()) throw usageError('nothing to log (give the text, or --stdin to read lines from a pipe)');
        const [e] = await store.append(id, [logEvent(opts.kind, text)], ctx.actor);
        print(e!);
      }),
    );

  program
    .command('mark')
    .description(`set a milestone (${MILESTONES.join(', ')}), back-dated with --at`)
    .argument('<id>', 'incident id')
    .argument('<milestone>', MILESTONES.join(' | '))
    .option('--at <iso-time>', 'when it happened (ISO 8601 with a zone); default now')
    .option('--json', 'print the event as JSON')
    .action(
      run(async (ctx, id: string, milestone: string, opts: { at?: string; json?: boolean }) => {
        if (!isMilestone(milestone)) {
          throw usageError(`unknown milestone "${milestone}" (use one of ${MILESTONES.join(', ')})`);
        }
        const when = parseAt(opts.at, ctx.clock.now());
        const store = ctx.store();
        const out = milestoneEvents(store.state(id).state, milestone, when.at, when.backdated);
        if ('error' in out) throw usageError(`${out.error} (check the time, or correct the other milestone first)`);
        const written = await store.append(id, out.events, ctx.actor);
        const e = written.find((x) => x.kind === 'milestone.set');
        ctx.out(opts.json ? JSON.stringify(e) : String(e!.seq));
      }),
    );

  program
    .command('severity')
    .description('change the severity')
    .argument('<id>', 'incident id')
    .argument('<severity>', 'SEV1..SEV4 (P1..P4 accepted)')
    .option('--reason <text>', 'why it changed')
    .action(
      run(async (ctx, id: string, sev: string, opts: { reason?: string }) => {
        const severity = parseSeverity(sev);
        const store = ctx.store();
        // A change to the severity it already has would only add a second row to the report's severity history.
        if (store.state(id).state.severity === severity) throw usageError(`${id} is already ${severity}; nothing was recorded (give another severity to change it)`);
        const [e] = await store.append(id, [{ kind: 'severity.changed', data: { severity, ...(opts.reason ? { reason: opts.reason } : {}) } }], ctx.actor);
        ctx.out(String(e!.seq));
      }),
    );

  program
    .command('status')
    .description(`change the status (${STATUSES.join(' -> ')})`)
    .argument('<id>', 'incident id')
    .argument('<status>', STATUSES.join(' | '))
    .option('--reason <text>', 'why it changed')
    .action(
      run(async (ctx, id: string, status: string, opts: { reason?: string }) => {
        const s = status.toLowerCase();
        if (!isStatus(s)) throw usageError(`unknown status "${status}" (use one of ${STATUSES.join(', ')})`);
        const store = ctx.store();
        const out = statusEvents(store.state(id).state, s, opts.reason, new Date(ctx.clock.now()).toISOString());
        if ('error' in out) throw usageError(`${out.error} (nothing to change)`);
        const [e] = await store.append(id, out.events, ctx.actor);
        ctx.out(String(e!.seq));
      }),
    );

  program
    .command('role')
    .description('assign a role (incident-commander/ic, deputy, scribe, operations-lead/ops, communications-lead/comms, dba, security, or any name)')
    .argument('<id>', 'incident id')
    .argument('<role>', 'the role')
    .argument('<name>', 'who takes it')
    .action(
      run(async (ctx, id: string, role: string, name: string) => {
        const [e] = await ctx.store().append(id, [{ kind: 'role.assigned', data: { role: normaliseRole(role), name } }], ctx.actor);
        ctx.out(String(e!.seq));
      }),
    );

  program
    .command('amend')
    .description('record a correction to an earlier event (nothing is ever edited or deleted)')
    .argument('<id>', 'incident id')
    .argument('<seq>', 'the seq of the event being corrected')
    .argument('<text...>', 'what was wrong and what is right')
    .action(
      run(async (ctx, id: string, seqArg: string, words: string[]) => {
        const target = Number(seqArg);
        if (!Number.isInteger(target) || target < 1) throw usageError(`seq "${seqArg}" is not a positive whole number (give the seq shown by "warroom timeline ID")`);
        const journal = ctx.store().journal(id);
        const last = readTail(journal.path).last?.seq ?? 0;
        if (target > last) throw notFound(`incident ${id} has no seq ${target} (its last seq is ${last})`);
        const [e] = await ctx.store().append(id, [{ kind: 'amend', data: { target, text: words.join(' ') } }], ctx.actor);
        ctx.out(String(e!.seq));
      }),
    );
};

export function parseParams(pairs: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw usageError(`--param "${pair}" is not key=value (e.g. --param table=orders)`);
    params[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return params;
}
