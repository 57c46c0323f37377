// Who a drill inject is for and how it reaches them. An inject may name an audience (drill roles, incident
// roles as assigned during the drill such as comms-lead, or @name) and a channel: a mock email, a news item
// or a page. The controller and the evaluators see every inject (one runs the script, the other judges the
// responses to it); players and observers see only what is aimed at them, and nothing scheduled ahead.
import type { TimelineEvent } from './events.js';
import type { DrillRole } from './drill-record.js';

export const CHANNEL_KINDS = ['email', 'media', 'pager'] as const;
export type InjectChannelKind = (typeof CHANNEL_KINDS)[number];

export interface InjectChannel {
  kind: InjectChannelKind;
  /** The sender (email), the outlet (media) or the paging service (pager). */
  from?: string;
  /** The subject (email), the headline (media) or the summary (pager). */
  subject?: string;
}

export interface DrillViewer {
  actor: string;
  /** The console's role in the drill; undefined before it joined. */
  role: DrillRole | undefined;
  /** The incident's roles as assigned on the timeline (role -> names), for audiences such as comms-lead. */
  incidentRoles: Readonly<Record<string, readonly string[]>>;
}

/** A fired inject as it is delivered: what the record says of it, whichever console fired it. */
export interface InjectDelivery {
  seq: number;
  inject: string;
  text: string;
  title?: string;
  audience: string[];
  channel?: InjectChannel;
  added: boolean;
  firedAtSeconds?: number;
  how?: string;
}

const DRILL_ROLE_WORDS = new Set(['player', 'evaluator', 'observer', 'controller']);
const EVERYONE = new Set(['everyone', 'all']);

const isChannelKind = (x: unknown): x is InjectChannelKind => typeof x === 'string' && (CHANNEL_KINDS as readonly string[]).includes(x);

/** True when an inject aimed at `audience` is shown to `viewer`. */
export function isForViewer(audience: readonly string[] | undefined, viewer: DrillViewer): boolean {
  if (viewer.role === 'controller' || viewer.role === 'evaluator') return true;
  if (!audience || audience.length === 0) return true;
  const me = viewer.actor.toLowerCase();
  const roles = new Map(Object.entries(viewer.incidentRoles).map(([role, names]) => [role.toLowerCase(), names.map((n) => n.toLowerCase())]));
  return audience.some((entry) => {
    const a = entry.trim().toLowerCase();
    if (EVERYONE.has(a)) return true;
    if (a.startsWith('@')) return a.slice(1) === me;
    if (DRILL_ROLE_WORDS.has(a)) return a === viewer.role;
    return roles.get(a)?.includes(me) ?? false;
  });
}

export function channelOfData(x: unknown): InjectChannel | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const c = x as Record<string, unknown>;
  if (!isChannelKind(c.kind)) return undefined;
  return { kind: c.kind, ...(typeof c.from === 'string' && c.from ? { from: c.from } : {}), ...(typeof c.subject === 'string' && c.subject ? { subject: c.subject } : {}) };
}

const audienceOfData = (x: unknown): string[] => (Array.isArray(x) ? x.filter((a): a is string => typeof a === 'string' && a.trim() !== '') : []);

/** An exercise.inject event as delivered. */
export function deliveryOf(e: TimelineEvent): InjectDelivery {
  const d = e.data;
  const channel = channelOfData(d.channel);
  return {
    seq: e.seq,
    inject: String(d.inject),
    text: String(d.text ?? ''),
    ...(typeof d.title === 'string' && d.title ? { title: d.title } : {}),
    audience: audienceOfData(d.audience),
    ...(channel ? { channel } : {}),
    added: d.added === true,
    ...(typeof d.firedAtSeconds === 'number' ? { firedAtSeconds: d.firedAtSeconds } : {}),
    ...(typeof d.how === 'string' ? { how: d.how } : {}),
  };
}

/** The injects fired so far that `viewer` sees, each once (an older journal may hold a duplicate), in firing order. */
export function injectsFor(events: readonly TimelineEvent[], viewer: DrillViewer): InjectDelivery[] {
  const seen = new Set<string>();
  const out: InjectDelivery[] = [];
  for (const e of events) {
    if (e.kind !== 'exercise.inject') continue;
    const id = String(e.data.inject);
    if (seen.has(id)) continue;
    seen.add(id);
    const d = deliveryOf(e);
    if (isForViewer(d.audience, viewer)) out.push(d);
  }
  return out;
}

/**
 * Events a console must not show `viewer`: injects aimed at others, injects written for later, and the skip of an
 * inject aimed at others (its id alone tells of the script). `script` gives each scripted inject's audience (empty
 * for everyone); a skipped inject of unknown audience is hidden.
 */
export function hiddenFrom(events: readonly TimelineEvent[], viewer: DrillViewer, script: ReadonlyMap<string, readonly string[]> = new Map()): Set<number> {
  const hidden = new Set<number>();
  if (viewer.role === 'controller' || viewer.role === 'evaluator') return hidden;
  const audiences = new Map(script);
  for (const e of events) if (e.kind === 'exercise.added') audiences.set(String(e.data.inject), audienceOfData(e.data.audience));
  for (const e of events) {
    if (e.kind === 'exercise.added') hidden.add(e.seq);
    else if (e.kind === 'exercise.inject' && !isForViewer(audienceOfData(e.data.audience), viewer)) hidden.add(e.seq);
    else if (e.kind === 'exercise.clock' && e.data.control === 'skip') {
      const audience = audiences.get(String(e.data.inject));
      if (!audience || !isForViewer(audience, viewer)) hidden.add(e.seq);
    }
  }
  return hidden;
}

/** "everyone", or the audience as the script names it, with the channel: "comms-lead by email". */
export function audienceText(audience: readonly string[] | undefined, channel?: InjectChannel): string {
  const who = audience?.length ? audience.join(', ') : 'everyone';
  return channel ? `${who} by ${channel.kind === 'media' ? 'the media' : channel.kind}` : who;
}

/** An audience as typed: words separated by commas or spaces; "everyone" (or nothing) is everyone. */
export function parseAudience(text: string): string[] {
  const words = text.split(/[\s,]+/).map((w) => w.trim()).filter(Boolean);
  return words.some((w) => EVERYONE.has(w.toLowerCase())) ? [] : [...new Set(words)];
}
