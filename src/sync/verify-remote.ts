// verify --remote: the table as the second witness. Every origin's events held here are compared with the
// table's items, seq by seq, and every difference is named: missing, extra, altered or forged.
import type { TimelineEvent } from '../core/index.js';
import { hashEvent } from '../store/journal.js';
import { pulledOrigins, readFeed } from '../store/origin-feeds.js';
import { pushedThrough, requireConfig, type SyncDeps } from './engine.js';
import { checkSignature, originOf } from './keys.js';
import type { EventItem } from './table.js';

export interface RemoteVerification {
  differences: string[];
  /** This machine's events not pushed yet: not a difference. */
  pending: number;
  compared: number;
  origins: string[];
}

export async function verifyRemote(deps: SyncDeps, id: string): Promise<RemoteVerification> {
  const config = requireConfig(deps.store, id);
  const dir = deps.store.incidentsDir;
  const local = new Map<string, TimelineEvent[]>([[config.origin, deps.store.journal(id).load().events]]);
  for (const origin of pulledOrigins(dir, id)) if (origin !== config.origin) local.set(origin, readFeed(dir, id, origin).events);
  const keys = new Map((await deps.table.origins(id)).map((o) => [o.origin, o.publicKey]));
  const remote = new Map<string, Map<number, EventItem>>();
  for (const item of await deps.table.allEvents(id)) {
    const m = remote.get(item.origin) ?? new Map<number, EventItem>();
    m.set(item.seq, item);
    remote.set(item.origin, m);
  }
  const out: RemoteVerification = { differences: [], pending: 0, compared: 0, origins: [] };
  const pushed = pushedThrough(config);
  const all = [...new Set([...local.keys(), ...remote.keys(), ...keys.keys()])].sort();
  out.origins = all;
  for (const origin of all) {
    const mine = origin === config.origin;
    const key = keys.get(origin);
    const who = mine ? `origin ${origin} (this machine)` : `origin ${origin}`;
    if (!key) out.differences.push(`forged: ${who} has items in the table but no origin item naming its key`);
    else if (originOf(key) !== origin) out.differences.push(`forged: the origin item of ${who} carries a key that is not that origin's`);
    const held = local.get(origin) ?? [];
    const items = remote.get(origin) ?? new Map<number, EventItem>();
    const signed = (it: EventItem) => !!key && originOf(key) === origin && checkSignature(key, id, origin, it.seq, it.hash, it.pushedAt, it.sig);
    for (const e of held) {
      const it = items.get(e.seq);
      if (!it) {
        if (mine && e.seq > pushed) out.pending += 1;
        else out.differences.push(`missing: ${who} seq ${e.seq} is held here but not in the table (deleted from the table)`);
        continue;
      }
      out.compared += 1;
      const why = itemDiffers(it, e);
      if (why) out.differences.push(`altered: ${who} seq ${e.seq} in the table ${why}`);
      else if (!signed(it)) out.differences.push(`forged: ${who} seq ${e.seq} in the table is not signed by its origin's key`);
    }
    const heldTo = held.length;
    for (const it of [...items.values()].sort((a, b) => a.seq - b.seq)) {
      if (it.seq <= heldTo) continue;
      if (!signed(it) || itemDiffers(it)) out.differences.push(`forged: ${who} seq ${it.seq} is in the table but not signed by its origin's key (or not a valid event)`);
      else if (mine) out.differences.push(`extra: ${who} seq ${it.seq} is in the table, signed, but not in the local journal (the local journal was cut short)`);
      else out.differences.push(`extra: ${who} seq ${it.seq} is in the table but not pulled yet (run "warroom sync ${id}")`);
    }
  }
  return out;
}

/** Why the item is not the event held here (or not a valid event at all), or undefined. */
function itemDiffers(it: EventItem, held?: TimelineEvent): string | undefined {
  let e: TimelineEvent;
  try {
    e = JSON.parse(it.event) as TimelineEvent;
  } catch {
    return 'holds no readable event';
  }
  const { hash, ...rest } = e;
  if (hashEvent(rest) !== hash || hash !== it.hash || e.seq !== it.seq) return 'does not match its own hash';
  if (held && held.hash !== it.hash) return `has hash ${it.hash.slice(0, 16)}, not ${held.hash.slice(0, 16)} as held here`;
  return undefined;
}
