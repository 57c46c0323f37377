// A drill's schedule: the scenario's injects placed in simulated time, with optional seeded jitter so
// teams cannot learn the script by heart while the same seed always gives the same drill.
import { fillLenient } from './comms.js';
import type { DiscussionQuestion } from './drill-questions.js';
import type { InjectChannel, InjectChannelKind } from './drill-audience.js';

/** A runbook's channel (a bare kind or the kind with its sender and subject), its placeholders filled. */
function channelOf(c: NonNullable<InjectLike['channel']>, params: Readonly<Record<string, string>>): InjectChannel {
  if (typeof c === 'string') return { kind: c };
  return { kind: c.kind, ...(c.from ? { from: fillLenient(c.from, params) } : {}), ...(c.subject ? { subject: fillLenient(c.subject, params) } : {}) };
}

export interface InjectLike {
  id: string;
  at_seconds: number;
  kind: string;
  text: string;
  facilitator: string;
  alarm?: string | undefined;
  state?: string | undefined;
  metric?: { id: string; to: number; over_seconds: number } | undefined;
  resource?: string | undefined;
  objective?: string | undefined;
  expect?: readonly { text: string; role?: string; kinds?: readonly string[]; within_seconds?: number | undefined }[] | undefined;
  /** The module (exercise_modules[].id) the inject belongs to, and the discussion questions it asks. */
  module?: string | undefined;
  questions?: readonly DiscussionQuestion[] | undefined;
  audience?: readonly string[] | undefined;
  channel?: InjectChannelKind | { kind: InjectChannelKind; from?: string | undefined; subject?: string | undefined } | undefined;
}

export interface ScheduledInject {
  id: string;
  /** Simulated seconds from the start of the drill. */
  atSeconds: number;
  kind: string;
  /** What participants see. */
  text: string;
  /** What the facilitator says (shown to the facilitator only). */
  facilitator: string;
  inject: InjectLike;
  /** Who sees it (everyone when absent) and the channel it reads as (core/drill-audience.ts). */
  audience?: string[];
  channel?: InjectChannel;
  /** A title, for an inject written during the drill. */
  title?: string;
  /** Written by the controller during the drill (exercise.added). */
  added?: boolean;
}

/** mulberry32: a small, well-known seeded PRNG; deterministic across platforms. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: a 32-bit hash of a string, to derive seeds from names. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Turns a seed given as text (a number or any word) into a 32-bit integer. */
export function seedFrom(input: string): number {
  return /^\d+$/.test(input) ? Number(input) >>> 0 : fnv1a(input);
}

/**
 * Schedules the injects. With a seed, each inject after the first moves by up to ±10% of its offset
 * (at most ±120 s), keeping the order the author wrote.
 */
export function scheduleDrill(injects: readonly InjectLike[], params: Readonly<Record<string, string>>, seed?: number): ScheduledInject[] {
  const rand = seed === undefined ? undefined : seededRandom(seed);
  const sorted = [...injects].sort((a, b) => a.at_seconds - b.at_seconds);
  let last = 0;
  return sorted.map((inject, i) => {
    let at = inject.at_seconds;
    if (rand && i > 0) {
      const span = Math.min(120, inject.at_seconds * 0.1);
      at = Math.round(inject.at_seconds + (rand() * 2 - 1) * span);
    }
    at = Math.max(at, last); // jitter never reorders
    last = at;
    return {
      id: inject.id,
      atSeconds: at,
      kind: inject.kind,
      text: fillLenient(inject.text, params),
      facilitator: fillLenient(inject.facilitator, params),
      inject,
      ...(inject.audience?.length ? { audience: [...inject.audience] } : {}),
      ...(inject.channel ? { channel: channelOf(inject.channel, params) } : {}),
    };
  });
}

export const formatOffset = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `T+${h > 0 ? `${h}:` : ''}${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(sec).padStart(2, '0')}`;
};
