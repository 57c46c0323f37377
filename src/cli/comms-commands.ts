// Delivery from a shell: send an update to its channels, see what reached whom, retry what is owed,
// test the channels, and page an escalation level. Everything goes through the durable outbox.
import { readSyncConfig } from '../store/origin-feeds.js';
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { ExitCode, updateKind, usageError } from '../core/index.js';
import { flushIncident, queueUpdate, type FlushLine, type OutboxDeps } from '../comms/outbox.js';
import { countOutbox, foldOutbox } from '../comms/outbox-state.js';
import { makeOutbox } from '../comms/wire.js';
import { pageChannels } from '../comms/page.js';
import { previewUpdate } from '../comms/preview.js';
import type { CliContext } from './context.js';
import type { Register } from './main.js';

interface ProfileOpts {
  service?: string;
  serviceName?: string;
}

function outbox(ctx: CliContext, opts: ProfileOpts): OutboxDeps {
  const store = ctx.store();
  return makeOutbox({
    store: { load: (id) => store.load(id), append: (id, ev, actor) => store.append(id, ev, actor), journalPath: (id) => store.journalPath(id), ownOrigin: (id) => readSyncConfig(store.incidentsDir, id)?.origin },
    clock: ctx.clock,
    actor: ctx.actor,
    env: ctx.env,
    serviceFile: opts.service,
    serviceName: opts.serviceName,
  });
}

const profileOptions = (cmd: Command): Command =>
  cmd
    .option('--service <file>', 'the service profile (env WARROOM_SERVICE_FILE; default ./warroom.yaml)')
    .option('--service-name <name>', 'which service of the profile (default: the first with channels)');

const describeLine = (l: FlushLine) => `  ${l.channel.padEnd(18)} ${l.outcome.padEnd(10)} ${l.detail}`;

function parseWait(v: string | undefined): number {
  if (v === undefined) return 0;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 3600) throw usageError(`--wait "${v}" is not a number of seconds between 0 and 3600`);
  return n * 1000;
}

/** Flushes until nothing is due within the wait (a retry due later stays in the outbox). */
async function flushWithin(deps: OutboxDeps, id: string, waitMs: number, out: (l: string) => void): Promise<FlushLine[]> {
  const deadline = deps.clock.now() + waitMs;
  const last = new Map<string, FlushLine>();
  for (;;) {
    const r = await flushIncident(deps, id);
    if (r.busy) {
      out(`${id}: another warroom process is delivering this incident's updates`);
      return [...last.values()];
    }
    for (const l of r.lines) {
      if (l.outcome !== 'waiting') out(describeLine(l));
      last.set(`${l.update}/${l.channel}`, l);
    }
    if (r.nextRetryAt === undefined || r.nextRetryAt > deadline) return [...last.values()];
    await new Promise((res) => setTimeout(res, Math.max(0, r.nextRetryAt! - deps.clock.now())));
  }
}

function exitFor(lines: readonly FlushLine[]): number {
  return lines.every((l) => l.outcome === 'delivered') ? ExitCode.ok : ExitCode.failure;
}

export const registerCommsCommands: Register = (program: Command, run) => {
  const comms = program.command('comms').description('deliver status updates to the configured channels (Slack, Teams, webhook, SNS, SES, PagerDuty)');

  profileOptions(
    comms
      .command('send')
      .description('record an update and deliver it to its channels (by routing, or --channel)')
      .argument('<id>', 'incident id')
      .option('--channel <name...>', 'send to these channels instead of the routing')
      .option('--text <text>', 'the update text')
      .option('--file <file>', 'read the update text from a file')
      .addOption(new Option('--kind <kind>', 'update kind (default: from the incident)').choices(['initial', 'update', 'resolution']))
      .option('--wait <seconds>', 'keep retrying failed channels this long before returning (default 0)'),
  ).action(
    run(async (ctx, id: string, opts: ProfileOpts & { channel?: string[]; text?: string; file?: string; kind?: 'initial' | 'update' | 'resolution'; wait?: string }) => {
      if ((opts.text === undefined) === (opts.file === undefined)) throw usageError('give the update as --text T or --file F (exactly one)');
      const waitMs = parseWait(opts.wait);
      let text = opts.text;
      if (opts.file !== undefined) {
        try {
          text = readFileSync(opts.file, 'utf8');
        } catch (err) {
          throw usageError(`cannot read --file ${opts.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        }
      }
      if (!text || text.trim() === '') throw usageError('the update text is empty (write what changed)');
      const deps = outbox(ctx, opts);
      const { state } = deps.store.load(id);
      const q = await queueUpdate(deps, id, { kind: opts.kind ?? updateKind(state), text, ...(opts.channel ? { channels: opts.channel } : {}) });
      if (q.exercise) ctx.out(`EXERCISE: only drill channels are reached${q.heldBack.length ? ` (held back: ${q.heldBack.join(', ')})` : ''}`);
      if (q.channels.length === 0) {
        ctx.out(`update recorded (seq ${q.update}); no channel to send to (see docs/comms.md for routing and drill channels)`);
        return ExitCode.ok;
      }
      ctx.out(`update recorded (seq ${q.update}); delivering to ${q.channels.join(', ')}`);
      const lines = await flushWithin(deps, id, waitMs, ctx.out);
      const code = exitFor(lines);
      if (code !== ExitCode.ok) ctx.out('undelivered channels stay in the outbox: "warroom comms flush" or the console retries them');
      return code;
    }),
  );

  profileOptions(
    comms
      .command('preview')
      .description('print exactly what each routed channel would receive for this text (nothing is sent or recorded)')
      .argument('<id>', 'incident id')
      .requiredOption('--text <text>', 'the update text')
      .addOption(new Option('--kind <kind>', 'update kind (default: from the incident)').choices(['initial', 'update', 'resolution'])),
  ).action(
    run((ctx, id: string, opts: ProfileOpts & { text: string; kind?: 'initial' | 'update' | 'resolution' }) => {
      for (const line of previewUpdate(outbox(ctx, opts), id, opts.text, opts.kind)) ctx.out(line);
    }),
  );

  profileOptions(comms.command('status').description('what each update reached, per channel').argument('<id>', 'incident id')).action(
    run((ctx, id: string, opts: ProfileOpts & { json?: boolean }) => {
      const { events } = ctx.store().load(id);
      const updates = foldOutbox(events);
      void opts;
      const c = countOutbox(updates);
      ctx.out(`${id}: ${c.delivered} delivered, ${c.pending} pending, ${c.failed} failed (retrying), ${c.uncertain} uncertain, ${c.gaveUp} given up`);
      for (const u of updates) {
        ctx.out(`update seq ${u.seq} (${u.kind}${u.page ? ` ${u.page.action} level ${u.page.level}` : ''}${u.exercise ? ', EXERCISE' : ''}) at ${u.ts}`);
        if (u.deliveries.length === 0) ctx.out('  (no channels)');
        for (const d of u.deliveries) {
          const state = d.attempts > d.results ? 'sending' : (d.outcome ?? 'pending');
          const detail = d.messageId ?? (d.status !== undefined && d.outcome === 'delivered' ? `HTTP ${d.status}` : d.error ?? '');
          const retry = d.outcome === 'failed' && d.retryAt !== undefined ? `; retry at ${new Date(d.retryAt).toISOString()}` : '';
          ctx.out(`  ${d.channel.padEnd(18)} ${state.padEnd(10)} attempts ${d.attempts}  ${detail}${retry}`);
        }
      }
    }),
  );

  profileOptions(
    comms
      .command('flush')
      .description('deliver what the outbox still owes (all incidents, or the ones named)')
      .argument('[ids...]', 'incident ids (default: every incident with undelivered updates)')
      .option('--wait <seconds>', 'keep retrying this long before returning (default 0)'),
  ).action(
    run(async (ctx, ids: string[], opts: ProfileOpts & { wait?: string }) => {
      const waitMs = parseWait(opts.wait);
      const deps = outbox(ctx, opts);
      const store = ctx.store();
      const owed = (ids.length > 0 ? ids : store.ids()).filter((id) => foldOutbox(store.load(id).events).some((u) => u.deliveries.some((d) => d.outcome === undefined || d.outcome === 'failed')));
      if (owed.length === 0) {
        ctx.out('nothing to deliver');
        return ExitCode.ok;
      }
      const all: FlushLine[] = [];
      for (const id of owed) {
        ctx.out(`${id}:`);
        all.push(...(await flushWithin(deps, id, waitMs, ctx.out)));
      }
      return exitFor(all);
    }),
  );

  profileOptions(
    program
      .command('channels')
      .description('the configured delivery channels')
      .command('test')
      .description('send a harmless test message to each channel (or the one named) and report per channel')
      .argument('[name]', 'one channel'),
  ).action(
    run(async (ctx, name: string | undefined, opts: ProfileOpts) => {
      const deps = outbox(ctx, opts);
      const targets = deps.config.targets.filter((t) => name === undefined || t.name === name);
      if (name !== undefined && targets.length === 0) throw usageError(`unknown channel "${name}" (configured: ${deps.config.targets.map((t) => t.name).join(', ') || 'none'})`);
      if (targets.length === 0) throw usageError('no channels configured (add a channels section to the service profile; see docs/comms.md)');
      let failed = 0;
      await Promise.all(
        targets.map(async (ch) => {
          const now = ctx.clock.now();
          const message = { incidentId: 'TEST', title: 'warroom channel test', severity: 'SEV4' as const, status: 'test', kind: 'test' as const, text: `A test message from warroom at ${new Date(now).toISOString()}. No action needed.`, exercise: false, update: 1 };
          let line: string;
          try {
            const r = await deps.send(ch, message, { timeoutMs: deps.config.timeout_seconds * 1000, secret: deps.secret, nowMs: now });
            line = r.outcome === 'delivered' ? `ok      ${r.messageId ?? `HTTP ${r.status}`}` : `FAILED  ${r.error}`;
            if (r.outcome !== 'delivered') failed++;
          } catch (err) {
            failed++;
            line = `FAILED  ${(err as Error).message}`;
          }
          ctx.out(deps.redactor.redact(`${ch.name.padEnd(18)} ${ch.kind.padEnd(10)} ${line}`));
        }),
      );
      return failed > 0 ? ExitCode.failure : ExitCode.ok;
    }),
  );

  profileOptions(
    program
      .command('page')
      .description('page an escalation level through PagerDuty (acknowledge and resolve use the same dedup key)')
      .argument('<id>', 'incident id')
      .argument('<level>', 'the escalation level, e.g. L2')
      .addOption(new Option('--action <action>', 'trigger, acknowledge or resolve').choices(['trigger', 'acknowledge', 'resolve']).default('trigger'))
      .option('--wait <seconds>', 'keep retrying this long before returning (default 0)'),
  ).action(
    run(async (ctx, id: string, level: string, opts: ProfileOpts & { action: 'trigger' | 'acknowledge' | 'resolve'; wait?: string }) => {
      const waitMs = parseWait(opts.wait);
      const deps = outbox(ctx, opts);
      const { state } = deps.store.load(id);
      const channels = pageChannels(deps.config);
      const text = `Page level ${level} (${opts.action}): ${state.title}`;
      const q = await queueUpdate(deps, id, { kind: 'page', text, page: { level, action: opts.action }, ...(channels ? { channels } : {}) });
      if (q.channels.length === 0) {
        ctx.out(q.exercise ? 'EXERCISE: no drill channel takes pages; nothing sent' : 'no channel takes pages for this severity; nothing sent');
        return ExitCode.ok;
      }
      ctx.out(`page ${opts.action} for level ${level} recorded (seq ${q.update}); delivering to ${q.channels.join(', ')}`);
      return exitFor(await flushWithin(deps, id, waitMs, ctx.out));
    }),
  );
};
