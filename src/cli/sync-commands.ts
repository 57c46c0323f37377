// share, join, sync, sync status and verify --remote: one incident, many machines, through a DynamoDB
// table (docs/sharing.md). Every other command keeps working offline on the local journal.
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { ExitCode, usageError, WarroomError } from '../core/index.js';
import { suppressSdkNodeWarning } from '../aws/live/clients.js';
import { feedHead, pulledOrigins, readSyncConfig, writeSyncConfig } from '../store/origin-feeds.js';
import { syncPreferringPrimary } from '../sync/replica.js';
import { describeNetworkError, pushedThrough, requireConfig, type SyncDeps, type SyncResult } from '../sync/engine.js';
import { loadOrCreateKey } from '../sync/keys.js';
import { joinIncident, shareIncident, type Place } from '../sync/share.js';
import { SyncTable } from '../sync/table.js';
import { verifyRemote } from '../sync/verify-remote.js';
import type { CliContext } from './context.js';
import type { Register } from './main.js';

interface PlaceOpts {
  table?: string;
  region?: string;
  endpointUrl?: string;
  replicaRegion?: string;
}

function placeFrom(ctx: CliContext, opts: PlaceOpts): Place {
  if (!opts.table) throw usageError('--table NAME is required (the DynamoDB table the incident is shared through)');
  const region = opts.region ?? ctx.env.AWS_REGION ?? ctx.env.AWS_DEFAULT_REGION;
  if (!region) throw usageError('no region: give --region R (or set AWS_REGION)');
  if (opts.replicaRegion === region) throw usageError(`--replica-region ${region} is the primary region (name the global table's other region)`);
  return { table: opts.table, region, ...(opts.replicaRegion ? { replicaRegion: opts.replicaRegion } : {}) };
}

function tableIn(ctx: CliContext, table: string, opts: PlaceOpts): (region: string) => SyncTable {
  const timeoutMs = Number(ctx.env.WARROOM_SYNC_TIMEOUT_MS) || undefined;
  return (region) => new SyncTable({ table, region, ...(opts.endpointUrl ? { endpoint: opts.endpointUrl } : {}), ...(timeoutMs ? { timeoutMs } : {}) }, ctx.env);
}

function depsFor(ctx: CliContext, place: Place, opts: PlaceOpts): SyncDeps {
  suppressSdkNodeWarning(ctx.env);
  const store = ctx.store();
  store.ensureWritable();
  return { store, key: loadOrCreateKey(store.dir), table: tableIn(ctx, place.table, opts)(place.region), clock: ctx.clock, actor: ctx.actor };
}

function depsForShared(ctx: CliContext, id: string, opts: PlaceOpts): SyncDeps {
  const config = requireConfig(ctx.store(), id);
  return depsFor(ctx, { table: config.table, region: config.region }, opts);
}

async function readConfirmation(ctx: CliContext): Promise<string> {
  const lines = createInterface({ input: ctx.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line.trim();
  }
  return '';
}

function summarise(id: string, r: SyncResult): string {
  const pulled = Object.values(r.pulled).reduce((a, b) => a + b, 0);
  const from = Object.keys(r.pulled).length;
  return `${id}: pushed ${r.pushed}, pulled ${pulled}${from ? ` from ${from} origin${from > 1 ? 's' : ''}` : ''}`;
}

/** Prints a round's outcome; exit 1 when the table was unreachable or something needs a person. */
function report(ctx: CliContext, id: string, r: SyncResult): number {
  for (const p of r.problems) ctx.err(`warroom: ${id}: ${p}`);
  if (r.offline) {
    ctx.err(`warroom: ${id}: the table could not be reached (${r.offline}); everything stays recorded here and is pushed by the next sync (check the network and credentials, then run "warroom sync ${id}")`);
    return ExitCode.failure;
  }
  ctx.out(summarise(id, r));
  return r.problems.length > 0 ? ExitCode.failure : ExitCode.ok;
}

function sharedIds(ctx: CliContext): string[] {
  const store = ctx.store();
  return store.ids().filter((id) => readSyncConfig(store.incidentsDir, id));
}

async function syncRound(ctx: CliContext, ids: string[], opts: PlaceOpts): Promise<number> {
  let code: number = ExitCode.ok;
  for (const id of ids) {
    suppressSdkNodeWarning(ctx.env);
    const store = ctx.store();
    store.ensureWritable();
    const config = requireConfig(store, id);
    if (opts.replicaRegion && opts.replicaRegion !== config.replicaRegion) {
      if (opts.replicaRegion === config.region) throw usageError(`--replica-region ${config.region} is the primary region (name the global table's other region)`);
      writeSyncConfig(store.incidentsDir, id, { ...config, replicaRegion: opts.replicaRegion });
    }
    const r = await syncPreferringPrimary({ store, key: loadOrCreateKey(store.dir), clock: ctx.clock, actor: ctx.actor, tableIn: tableIn(ctx, config.table, opts) }, id);
    if (r.via) ctx.err(`warroom: ${id}: ${config.region} could not be reached; synced through the replica in ${r.via}`);
    code = Math.max(code, report(ctx, id, r));
  }
  return code;
}

export async function runVerifyRemote(ctx: CliContext, id: string, opts: PlaceOpts & { json?: boolean }): Promise<number> {
  const deps = depsForShared(ctx, id, opts);
  try {
    let v;
    try {
      v = await verifyRemote(deps, id);
    } catch (err) {
      if (err instanceof WarroomError) throw err;
      throw new WarroomError(`could not read the table ${deps.table.table} to compare (${describeNetworkError(err)}); nothing was compared (check the network and credentials, then retry)`, ExitCode.failure);
    }
    if (opts.json) ctx.out(JSON.stringify({ id, ok: v.differences.length === 0, ...v }));
    else {
      for (const d of v.differences) ctx.err(`warroom: ${id}: ${d}`);
      if (v.differences.length === 0) ctx.out(`${id}: the table agrees with this machine: ${v.compared} events of ${v.origins.length} origins compared${v.pending ? `, ${v.pending} not pushed yet` : ''}`);
    }
    return v.differences.length === 0 ? ExitCode.ok : ExitCode.failure;
  } finally {
    deps.table.destroy();
  }
}

function statusLines(ctx: CliContext, id: string): string[] {
  const store = ctx.store();
  const config = requireConfig(store, id);
  const now = ctx.clock.now();
  const own = store.journal(id).load().events.length;
  const pending = own - pushedThrough(config);
  const when = config.offlineSince !== undefined
    ? `offline since ${new Date(config.offlineSince).toISOString().slice(11, 16)} UTC (${config.lastError ?? 'unknown'})`
    : config.lastOkAt !== undefined
      ? `synced ${Math.max(0, Math.round((now - config.lastOkAt) / 1000))} s ago`
      : 'never synced';
  const replica = config.replicaRegion ? `, replica ${config.replicaRegion}${config.via ? ', last reached through the replica' : ''}` : '';
  const lines = [`${id}: table ${config.table} (${config.region}${replica}); ${when}; ${pending} pending`];
  lines.push(`  ${config.origin} (this machine)  local ${own}  pushed ${pushedThrough(config)}`);
  for (const origin of pulledOrigins(store.incidentsDir, id)) {
    if (origin !== config.origin) lines.push(`  ${origin}  pulled ${feedHead(store.incidentsDir, id, origin)?.seq ?? 0}`);
  }
  for (const p of config.problems ?? []) lines.push(`  problem: ${p}`);
  return lines;
}

/** Who else is on the incident now, from the table; said plainly when the table cannot be reached. */
async function presenceLine(ctx: CliContext, id: string, opts: PlaceOpts): Promise<string> {
  const deps = depsForShared(ctx, id, opts);
  try {
    const now = ctx.clock.now();
    const here = (await deps.table.presence(id, now)).sort((a, b) => (a.actor < b.actor ? -1 : a.actor > b.actor ? 1 : 0));
    const who = here.map((p) => `${p.actor}${p.origin === deps.key.origin ? ' (this machine)' : ''}, seen ${Math.max(0, Math.round((now - p.seenAt) / 1000))} s ago`);
    return `  on the incident now: ${who.length ? who.join('; ') : 'nobody has synced in the last 2 minutes'}`;
  } catch (err) {
    return `  on the incident now: unknown (the table could not be reached: ${describeNetworkError(err)})`;
  } finally {
    deps.table.destroy();
  }
}

export const registerSyncCommands: Register = (program: Command, run) => {
  program
    .command('share')
    .description('share an incident through a DynamoDB table, so responders on other machines can join it')
    .argument('<id>', 'incident id')
    .option('--table <name>', 'the DynamoDB table (partition per incident)')
    .option('--create-table', 'create the table (on-demand, point-in-time recovery on) after a typed confirmation')
    .option('--replica-region <region>', "the global table's replica region: created with --create-table, used when the primary region cannot be reached")
    .option('--confirm <name>', 'the table name, typed ahead, to create it without a prompt')
    .action(
      run(async (ctx, id: string, opts: PlaceOpts & { createTable?: boolean; confirm?: string }) => {
        const place = placeFrom(ctx, opts);
        ctx.store().journal(id); // an unknown id fails before anything is made
        const deps = depsFor(ctx, place, opts);
        try {
          if (opts.createTable) {
            ctx.err(`create the DynamoDB table ${place.table} in ${place.region} (on-demand, point-in-time recovery on${place.replicaRegion ? `, a global table with a replica in ${place.replicaRegion}` : ''})? type the table name to confirm:`);
            const typed = opts.confirm ?? (await readConfirmation(ctx));
            if (typed !== place.table) throw new WarroomError(`the table was not created: "${typed}" is not ${place.table} (type the table name exactly to confirm)`, ExitCode.failure);
            try {
              await deps.table.createTable(place.replicaRegion);
            } catch (err) {
              throw new WarroomError(`could not create the table ${place.table} (${describeNetworkError(err)}); nothing was shared (check the credentials and region, then retry)`, ExitCode.failure);
            }
            ctx.out(`created table ${place.table} in ${place.region}`);
          }
          const code = report(ctx, id, await shareIncident(deps, id, place));
          if (code === ExitCode.ok) ctx.out(`${id}: shared; others join with: warroom join ${id} --table ${place.table} --region ${place.region}`);
          return code;
        } finally {
          deps.table.destroy();
        }
      }),
    );

  program
    .command('join')
    .description('bring an incident shared through a DynamoDB table to this machine and take part in it')
    .argument('<id>', 'incident id')
    .option('--table <name>', 'the DynamoDB table it is shared through')
    .option('--replica-region <region>', "the global table's replica region, used when the primary region cannot be reached")
    .action(
      run(async (ctx, id: string, opts: PlaceOpts) => {
        const place = placeFrom(ctx, opts);
        const deps = depsFor(ctx, place, opts);
        try {
          let r: SyncResult;
          try {
            r = await joinIncident(deps, id, place);
          } catch (err) {
            if (err instanceof WarroomError) throw err;
            throw new WarroomError(`could not read the table ${place.table} (${describeNetworkError(err)}); nothing was joined (check the network, credentials and region, then retry)`, ExitCode.failure);
          }
          return report(ctx, id, r);
        } finally {
          deps.table.destroy();
        }
      }),
    );

  const sync = program
    .command('sync')
    .description('push this machine\'s new events and pull the others\' (every shared incident, or one)')
    .argument('[id]', 'incident id (default: every shared incident)')
    .option('--watch', 'keep syncing every 2 s until interrupted')
    .option('--replica-region <region>', "record the global table's replica region and use it when the primary region cannot be reached")
    .action(
      run(async (ctx, id: string | undefined, opts: PlaceOpts & { watch?: boolean }) => {
        const ids = id ? [id] : sharedIds(ctx);
        if (ids.length === 0) throw usageError('no incident is shared from this state dir (run "warroom share ID --table NAME" or "warroom join ID --table NAME")');
        if (id) requireConfig(ctx.store(), id);
        if (!opts.watch) return syncRound(ctx, ids, opts);
        let stop = false;
        const onSignal = () => (stop = true);
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          while (!stop) {
            await syncRound(ctx, ids, opts);
            for (let waited = 0; waited < 2000 && !stop; waited += 100) await new Promise((r) => setTimeout(r, 100));
          }
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
        return ExitCode.ok;
      }),
    );
  sync
    .command('status')
    .description('per origin: what is held here, pushed and pending, and when the table was last reached')
    .argument('[id]', 'incident id (default: every shared incident)')
    .action(
      run(async (ctx, id: string | undefined, opts: PlaceOpts) => {
        const ids = id ? [id] : sharedIds(ctx);
        if (ids.length === 0) throw usageError('no incident is shared from this state dir (run "warroom share ID --table NAME")');
        for (const i of ids) {
          ctx.out(statusLines(ctx, i).join('\n'));
          ctx.out(await presenceLine(ctx, i, opts));
        }
      }),
    );
};
