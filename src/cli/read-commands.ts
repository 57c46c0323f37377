// Commands that read: list, show, timeline, verify, head. None of them writes to a journal.
import { Option, type Command } from 'commander';
import { ExitCode, formatHead, MILESTONES, parseHead, parseIsoDate, parseIsoTime, sanitizeLine, stepKey, usageError, WarroomError, type IncidentState } from '../core/index.js';
import { TIMELINE_FORMATS, utcStamp, type TimelineFormat } from '../report/timeline-export.js';
import type { IncidentStore, IncidentSummary } from '../store/incident-store.js';
import type { VerifyResult } from '../store/verify.js';
import { pulledFeedProblem } from '../store/shared-load.js';
import type { CliContext } from './context.js';
import type { Register } from './main.js';
import { loadCliCatalog } from './catalog.js';
import { printTimeline } from './timeline-stream.js';

/** Loads and folds an incident, refusing a journal that fails verification unless --force. */
export function loadChecked(ctx: CliContext, store: IncidentStore, id: string, force: boolean | undefined) {
  return checked(ctx, id, force, store.load(id));
}

/** The folded state alone, checked the same way, without holding the timeline (from the checkpoint when it holds). */
export function stateChecked(ctx: CliContext, store: IncidentStore, id: string, force: boolean | undefined) {
  return checked(ctx, id, force, store.state(id));
}

function checked<T extends { verification: VerifyResult }>(ctx: CliContext, id: string, force: boolean | undefined, loaded: T): T {
  const bad = loaded.verification.firstBad;
  if (bad && bad.problem !== 'torn') {
    if (!force) {
      throw new WarroomError(`journal of ${id} fails verification at ${bad.message}; run "warroom verify ${id}", or pass --force to read it anyway`, ExitCode.corrupt);
    }
    ctx.err(`warroom: warning: journal of ${id} fails verification at ${bad.message}`);
  } else if (bad) {
    ctx.err(`warroom: warning: ${bad.message}; it is moved aside on the next append`);
  }
  return loaded;
}

/**
 * A --since/--until bound: an ISO 8601 time with a zone, or a date (a UTC day; --until then means its end).
 * A time without a zone is refused, so "10:00" is never silently read as local or as UTC.
 */
export function parseTime(flag: string, v: string | undefined, endOfDay = false): number | undefined {
  if (v === undefined) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(v.trim());
  const t = dateOnly ? parseIsoDate(v) : parseIsoTime(v);
  if (!t.ok) throw usageError(`${flag} ${t.error}`);
  return dateOnly && endOfDay ? t.ms + 86_400_000 - 1 : t.ms;
}

export const registerReadCommands: Register = (program: Command, run) => {
  program
    .command('list')
    .description('list the incidents in the state dir, newest first')
    .option('--json', 'print as JSON')
    .action(
      run(async (ctx, opts: { json?: boolean }) => {
        const list = await ctx.store().list();
        const bad = list.filter((i) => i.problem);
        if (opts.json) ctx.out(JSON.stringify(list, null, 2));
        else if (list.length === 0) return ctx.out(`no incidents in ${ctx.store().dir} (declare one with "warroom new")`);
        else {
          ctx.out(['ID', 'SEV', 'STATUS', 'MODE', 'OPENED (UTC)', 'EVENTS', 'TITLE'].join('\t'));
          for (const i of list) ctx.out(listRow(i));
        }
        if (bad.length > 0) {
          ctx.err(`warroom: warning: ${bad.length} of ${list.length} journals are unreadable, half-made or fail verification (marked in the list; run "warroom verify ID" on each)`);
        }
      }),
    );

  program
    .command('show')
    .description('show the folded state of an incident: severity, status, milestones, roles, steps')
    .argument('<id>', 'incident id')
    .option('--json', 'print as JSON')
    .option('--force', 'show it even if the journal fails verification')
    .action(
      run(async (ctx, id: string, opts: { json?: boolean; force?: boolean }) => {
        const { state } = stateChecked(ctx, ctx.store(), id, opts.force);
        ctx.out(opts.json ? JSON.stringify(state, null, 2) : formatState(state, stepOrder(ctx, state)));
      }),
    );

  program
    .command('timeline')
    .description('print the timeline (text shows UTC with the date, and local time)')
    .argument('<id>', 'incident id')
    .addOption(new Option('--format <format>', 'output format').choices(TIMELINE_FORMATS).default('text'))
    .option('--since <iso-time>', 'only events at or after this time (ISO 8601 with a zone, or a UTC date)')
    .option('--until <iso-time>', 'only events at or before this time (a date means the end of that UTC day)')
    .option('--kind <kind...>', 'only these kinds (a prefix such as "step" matches step.*)')
    .option('--by <name...>', 'only events by these actors')
    .option('--force', 'print it even if the journal fails verification')
    .action(
      run(async (ctx, id: string, opts: { format: TimelineFormat; since?: string; until?: string; kind?: string[]; by?: string[]; force?: boolean }) => {
        const actors = opts.by;
        const since = parseTime('--since', opts.since);
        const until = parseTime('--until', opts.until, true);
        if (since !== undefined && until !== undefined && since > until) throw usageError('--since is after --until: nothing can match');
        const filter = {
          ...(since !== undefined ? { since } : {}),
          ...(until !== undefined ? { until } : {}),
          ...(opts.kind ? { kinds: opts.kind } : {}),
          ...(actors ? { actors } : {}),
        };
        await printTimeline(ctx, ctx.store(), id, opts, filter);
      }),
    );

  program
    .command('verify')
    .description('check the hash chain and seq sequence; exit 0 when intact, 1 naming the first bad seq')
    .argument('<id>', 'incident id')
    .option('--expect <seq:hash>', 'also prove the journal still holds this event, as printed earlier by "warroom head"')
    .option('--remote', 'compare with the shared table event by event, naming what is missing, extra or altered')
    .option('--full', 'read every line again, even the part a checkpoint vouches for')
    .option('--json', 'print the result as JSON')
    .action(
      run(async (ctx, id: string, opts: { json?: boolean; expect?: string; remote?: boolean; full?: boolean }) => {
        if (opts.remote) return (await import('./sync-commands.js')).runVerifyRemote(ctx, id, opts);
        const expect = opts.expect === undefined ? undefined : parseHead(opts.expect);
        if (opts.expect !== undefined && !expect) {
          throw usageError(`--expect "${sanitizeLine(opts.expect)}" is not SEQ:HASH as printed by "warroom head" (e.g. 42:3f9a1c2b7d4e5f60, at least 16 hex digits)`);
        }
        const v = ctx.store().verify(id, { ...(expect ? { hashOfSeq: expect.seq } : {}), ...(opts.full ? { full: true } : {}) });
        const expectFailure = v.ok && expect ? checkExpected(v, expect) : undefined;
        const feedProblem = v.ok ? pulledFeedProblem(ctx.store().incidentsDir, id, opts.full ? { full: true } : {}) : undefined; // a shared incident's pulled feeds
        const ok = v.ok && !expectFailure && !feedProblem;
        if (opts.json) {
          ctx.out(
            JSON.stringify({
              id,
              ok,
              events: v.count,
              head: v.count > 0 ? formatHead(v.headSeq, v.headHash) : null,
              headHash: v.headHash,
              firstBad: v.firstBad ?? null,
              ...(feedProblem ? { pulledFeeds: feedProblem } : {}),
              ...(expect ? { expect: { seq: expect.seq, hash: expect.hash, held: v.ok && !expectFailure, problem: expectFailure ?? null } } : {}),
            }),
          );
        } else if (!v.ok) ctx.err(`warroom: ${id}: journal fails verification at ${v.firstBad!.message}`);
        else if (expectFailure) ctx.err(`warroom: ${id}: ${expectFailure}`);
        else if (feedProblem) ctx.err(`warroom: ${id}: ${feedProblem}`);
        else {
          const held = expect ? `; still holds seq ${expect.seq} with hash ${expect.hash} as expected` : '';
          ctx.out(`${id}: ok, ${v.count} events, head ${formatHead(v.headSeq, v.headHash)}${held}`);
        }
        return ok ? ExitCode.ok : ExitCode.failure;
      }),
    );

  program
    .command('head')
    .description('print the journal\'s head as SEQ:HASH, short enough to paste into a chat or ticket; check it later with "verify ID --expect"')
    .argument('<id>', 'incident id')
    .option('--json', 'print the seq, the whole hash and the token as JSON')
    .action(
      run(async (ctx, id: string, opts: { json?: boolean }) => {
        const v = ctx.store().verify(id);
        const bad = v.firstBad;
        if (bad && bad.problem !== 'torn') {
          throw new WarroomError(`the journal of ${id} fails verification at ${bad.message}, so its head vouches for nothing (run "warroom verify ${id}")`, ExitCode.failure);
        }
        if (bad) ctx.err(`warroom: warning: ${bad.message}; the head is the last complete event`);
        const head = formatHead(v.headSeq, v.headHash);
        ctx.out(opts.json ? JSON.stringify({ id, seq: v.headSeq, hash: v.headHash, head }) : head);
      }),
    );
};

/** Why the journal no longer holds the event a head token named, or undefined when it does. */
function checkExpected(v: VerifyResult, expect: { seq: number; hash: string }): string | undefined {
  const token = `${expect.seq}:${expect.hash}`;
  if (expect.seq > v.headSeq) {
    return `the journal ends at seq ${v.headSeq}, before the expected ${token}: events were cut off its end since that head was noted (restore the journal from a copy you trust)`;
  }
  if (!v.hashAtSeq?.startsWith(expect.hash)) {
    return `seq ${expect.seq} has hash ${formatHead(expect.seq, v.hashAtSeq ?? '')}, not the expected ${token}: the chain was rewritten since that head was noted (restore the journal from a copy you trust)`;
  }
  return undefined;
}

/** One row of `list`; a journal with a problem shows it in capitals and says what is wrong. */
function listRow(i: IncidentSummary): string {
  const opened = i.openedAt ? utcStamp(i.openedAt).slice(0, 16) : '?';
  if (!i.problem) return [i.id, i.severity, i.status, i.mode, opened, String(i.events), sanitizeLine(i.title)].join('\t');
  const title = i.title ? `${sanitizeLine(i.title)} ` : '';
  return [i.id, i.severity, i.problem.kind.toUpperCase(), i.mode, opened, String(i.events), `${title}!! ${sanitizeLine(i.problem.message)}`].join('\t');
}

/** Every step of the incident's scenarios, in runbook order; the catalog is optional (a bad one warns). */
function stepOrder(ctx: CliContext, s: IncidentState): { scenario: string; step: string }[] {
  if (s.scenarios.length === 0) return [];
  try {
    const catalog = loadCliCatalog(ctx);
    return s.scenarios.flatMap((id) => catalog.scenarios.find((x) => x.id === id)?.steps.map((st) => ({ scenario: id, step: st.id })) ?? []);
  } catch {
    return [];
  }
}

export function formatState(s: IncidentState, order: readonly { scenario: string; step: string }[] = []): string {
  const lines = [
    `${s.id}  ${sanitizeLine(s.title)}`,
    `severity ${s.severity}   status ${s.status}   mode ${s.mode}   events ${s.lastSeq}`,
    `opened ${utcStamp(s.openedAt)} by ${sanitizeLine(s.openedBy)}; last event ${utcStamp(s.updatedAt)}`,
    `scenarios: ${s.scenarios.length ? s.scenarios.map(sanitizeLine).join(', ') : '(none chosen)'}`,
  ];
  if (Object.keys(s.params).length) lines.push(`params: ${Object.entries(s.params).map(([k, v]) => `${sanitizeLine(k)}=${sanitizeLine(v)}`).join(' ')}`);
  lines.push('milestones:');
  for (const m of MILESTONES) {
    const ms = s.milestones[m];
    lines.push(`  ${m.padEnd(15)} ${ms ? `${utcStamp(ms.at)}${ms.backdated ? ' (back-dated)' : ''}` : '-'}`);
  }
  for (const w of s.warnings) lines.push(`  warning: ${sanitizeLine(w)}`);
  const roles = Object.entries(s.roles);
  lines.push(`roles: ${roles.length ? roles.map(([r, n]) => `${sanitizeLine(r)}=${n.map(sanitizeLine).join('+')}`).join('  ') : '(none assigned)'}`);
  // Every step of the runbooks with its state (todo until something is recorded), then any step recorded
  // for a scenario the catalog no longer has.
  const listed = new Set(order.map((o) => stepKey(o.scenario, o.step)));
  const steps = [
    ...order.map((o) => s.steps[stepKey(o.scenario, o.step)] ?? { ...o, status: 'todo' as const, reason: undefined }),
    ...Object.entries(s.steps).filter(([k]) => !listed.has(k)).map(([, st]) => st),
  ];
  lines.push(`steps: ${steps.length ? '' : '(no scenario chosen)'}`);
  for (const st of steps) lines.push(`  ${st.status.padEnd(11)} ${sanitizeLine(st.scenario)}/${sanitizeLine(st.step)}${st.reason ? `: ${sanitizeLine(st.reason)}` : ''}`);
  lines.push(`notes ${s.notes}, decisions ${s.decisions.length}, action items ${s.actionItems.length}, updates sent ${s.commsSent.length}`);
  return lines.join('\n');
}
