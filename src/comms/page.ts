// Paging an escalation level, once: the page and the escalation it makes are one append, made only when
// the record holds no page of that level yet (checked under a lock, so two consoles on this machine cannot
// both page). PagerDuty's dedup key (ID/LEVEL) keeps the receiving side to one incident as well.
import { lock } from 'proper-lockfile';
import { usageError, type NewEvent } from '../core/index.js';
import type { ChannelsConfig } from './config.js';
import { planQueue, type OutboxDeps } from './outbox.js';

/** The channels a page goes to: the page routes, or without one every PagerDuty channel. */
export function pageChannels(config: ChannelsConfig): string[] | undefined {
  if (config.routing.some((r) => r.kinds.includes('page'))) return undefined;
  const pd = config.targets.filter((t) => t.kind === 'pagerduty').map((t) => t.name);
  if (pd.length === 0) throw usageError('no PagerDuty channel configured (add one, or a route with kinds: [page]; see docs/comms.md)');
  return pd;
}

export interface Paged {
  /** The record already holds a page of this level: nothing was added. */
  already: boolean;
  channels: string[];
  exercise: boolean;
}

export async function pageLevelOnce(deps: OutboxDeps, id: string, level: string, who: string): Promise<Paged> {
  const path = deps.store.journalPath(id);
  const release = await lock(`${path}.page`, { lockfilePath: `${path}.page.lock`, stale: 10_000, retries: { retries: 20, minTimeout: 50, maxTimeout: 200 }, realpath: false, onCompromised: () => {} });
  try {
    const { events, state } = deps.store.load(id);
    const paged = events.find((e) => e.kind === 'comms.queued' && (e.data.page as { level?: string; action?: string } | undefined)?.level === level && (e.data.page as { action?: string }).action === 'trigger');
    if (paged) return { already: true, channels: (paged.data.channels as string[]) ?? [], exercise: paged.data.exercise === true };
    const channels = pageChannels(deps.config);
    const plan = await planQueue(deps, id, { kind: 'page', text: `Page level ${level} (trigger): ${state.title}`, page: { level, action: 'trigger' }, ...(channels ? { channels } : {}) });
    const fired: NewEvent = { kind: 'escalation.fired', data: { level, text: `paged ${who} through ${plan.channels.join(', ') || 'no channel'}` } };
    await deps.store.append(id, [fired, ...plan.batch], deps.actor);
    return { already: false, channels: plan.channels, exercise: plan.exercise };
  } finally {
    await release().catch(() => {});
  }
}
