// Facts the drafts are made of, each with the seqs of the events that show it.
import { describeEvent } from '../describe.js';
import type { TimelineEvent } from '../events.js';
import type { ScenarioInput } from '../report/model.js';

/** One generated sentence and the events that support it (at least one: a claim with no event is not drafted). */
export interface Statement {
  text: string;
  cites: [number, ...number[]];
}

export const stmt = (text: string, ...seqs: (number | null | undefined)[]): Statement | null => {
  const cites = [...new Set(seqs.filter((n): n is number => typeof n === 'number' && n > 0))].sort((a, b) => a - b);
  return cites.length ? { text, cites: cites as [number, ...number[]] } : null;
};

export const statementText = (s: Statement) => `${s.text} ${s.cites.map((n) => `[#${n}]`).join(' ')}`;
/** A draft as it is recorded when accepted (CLI --accept, console `a`): one line per statement, with its citations. */
export const draftText = (r: { draft: readonly { text: string; cites: readonly number[] }[] }): string =>
  r.draft.map((s) => `- ${s.text} ${s.cites.map((n) => `[#${n}]`).join(' ')}`).join('\n');

/** "2026-11-21 09:30:05Z" */
export const when = (iso: string | null | undefined) => (iso ? iso.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z') : 'unknown');

/** The seqs named in a figure's source ("impact-started (seq 2) to mitigated (seq 40)"). */
export const seqsIn = (source: string): number[] => [...source.matchAll(/\bseq (\d+)/g)].map((m) => Number(m[1]));

export interface StepEvents {
  key: string;
  started?: TimelineEvent;
  ended?: TimelineEvent;
  verified: TimelineEvent[];
}

export function stepEvents(events: readonly TimelineEvent[]): Map<string, StepEvents> {
  const out = new Map<string, StepEvents>();
  for (const e of events) {
    if (!e.kind.startsWith('step.')) continue;
    const key = `${String(e.data.scenario)}/${String(e.data.step)}`;
    const s = out.get(key) ?? { key, verified: [] };
    if (e.kind === 'step.started') s.started ??= e;
    else if (e.kind === 'step.verified') {
      s.verified.push(e);
      if (e.data.passed === true) s.ended ??= e;
    } else s.ended = e;
    out.set(key, s);
  }
  return out;
}

/** Steps begun before a step they depend on was finished, per the runbook's depends_on. */
export function outOfOrder(scenarios: readonly ScenarioInput[], steps: Map<string, StepEvents>): Statement[] {
  const found: Statement[] = [];
  for (const sc of scenarios) {
    for (const st of sc.steps) {
      const mine = steps.get(`${sc.id}/${st.id}`);
      const begun = mine?.started ?? mine?.ended;
      if (!begun || begun.kind === 'step.skipped') continue;
      for (const dep of st.depends_on ?? []) {
        const before = steps.get(`${sc.id}/${dep}`);
        const done = before?.ended && before.ended.kind !== 'step.failed' ? before.ended : undefined;
        if (done && done.seq < begun.seq) continue;
        const s = done
          ? stmt(`Step ${sc.id}/${st.id} began before ${dep}, which it depends on, was finished.`, begun.seq, done.seq)
          : stmt(`Step ${sc.id}/${st.id} began although ${dep}, which it depends on, was never finished.`, begun.seq);
        if (s) found.push(s);
      }
    }
  }
  return found;
}

/** The reads and verifications of the timeline, each with its data as text once, to find what they say about a target. */
export type Observations = { e: TimelineEvent; text: string }[];
export const observations = (events: readonly TimelineEvent[]): Observations =>
  events.filter((e) => e.kind === 'aws.read' || e.kind === 'step.verified').map((e) => ({ e, text: JSON.stringify(e.data) }));

/** What AWS said about a target just before an action on it, and just after (before anything else was asked of it). */
export function beforeAfter(obs: Observations, requestSeq: number, endSeq: number | null, nextRequestSeq: number): { before?: TimelineEvent; after?: TimelineEvent } {
  // `obs` is in seq order and mentions the target (the caller filters once per target): two binary searches.
  const about = obs;
  const firstAfter = (seq: number) => {
    let lo = 0;
    let hi = about.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (about[mid]!.e.seq > seq) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const b = firstAfter(requestSeq - 1) - 1;
  const before = b >= 0 ? about[b]!.e : undefined;
  const a = endSeq === null ? about.length : firstAfter(endSeq);
  const after = a < about.length && about[a]!.e.seq < nextRequestSeq ? about[a]!.e : undefined;
  return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
}

export const quote = (e: TimelineEvent) => `"${describeEvent(e).replace(/\s+/g, ' ').slice(0, 160)}"`;

/** The tag a note starts with ("Lucky: ..." is "lucky"), or undefined when it has no colon. */
export function noteTag(text: string): string | undefined {
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : text.slice(0, colon).trim().toLowerCase();
}

/** Notes and decisions whose text starts with one of the prefixes ("lucky:", "lesson:"), the prefix removed. */
export function taggedNotes(events: readonly TimelineEvent[], prefixes: readonly string[]): Statement[] {
  return events.flatMap((e) => {
    if ((e.kind !== 'note' && e.kind !== 'decision') || typeof e.data.text !== 'string') return [];
    const text = e.data.text.trim();
    const tag = noteTag(text);
    if (tag === undefined || !prefixes.includes(tag)) return [];
    const colon = text.indexOf(':');
    const rest = text.slice(colon + 1).trim().replace(/\s+/g, ' ');
    const s = rest ? stmt(`${rest} (${e.actor})`, e.seq) : null;
    return s ? [s] : [];
  });
}
