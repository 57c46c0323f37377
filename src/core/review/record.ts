// What the review, its action items and the post-checks say on the timeline: pure reads of the events.
// A section or an item is never edited: a later amend (section) or action_item.updated (item) supersedes it.
import type { TimelineEvent } from '../events.js';
import {
  isReviewSection,
  type ActionPriority,
  type ActionStatus,
  type ActionType,
  type PostCheckResult,
  type ReviewSection,
} from './vocabulary.js';

export interface SectionRecord {
  section: ReviewSection;
  /** The text as it stands: the latest correction, else the text first recorded. */
  text: string;
  /** The review.section event; corrections are amends of it. */
  seq: number;
  at: string;
  by: string;
  from: 'draft' | 'text' | 'file';
  corrections: { seq: number; at: string; by: string; text: string }[];
}

export interface ReviewRecord {
  status: 'not-started' | 'open' | 'closed';
  sections: Partial<Record<ReviewSection, SectionRecord>>;
  closed: { seq: number; at: string; by: string } | null;
}

export function reviewRecord(events: readonly TimelineEvent[]): ReviewRecord {
  const sections: ReviewRecord['sections'] = {};
  const bySeq = new Map<number, SectionRecord>();
  let closed: ReviewRecord['closed'] = null;
  let started = false;
  for (const e of events) {
    if (e.kind === 'review.section' && typeof e.data.section === 'string' && isReviewSection(e.data.section)) {
      started = true;
      const from = e.data.from === 'draft' || e.data.from === 'file' ? e.data.from : 'text';
      const rec: SectionRecord = { section: e.data.section, text: String(e.data.text ?? ''), seq: e.seq, at: e.ts, by: e.actor, from, corrections: [] };
      // A second review.section for the same section (another terminal, a merge) stands as its correction.
      const first = sections[rec.section];
      if (first) correct(first, e, rec.text);
      else {
        sections[rec.section] = rec;
        bySeq.set(e.seq, rec);
      }
    } else if (e.kind === 'amend') {
      const rec = bySeq.get(Number(e.data.target));
      if (rec) correct(rec, e, String(e.data.text ?? ''));
    } else if (e.kind === 'review.closed') {
      closed = { seq: e.seq, at: e.ts, by: e.actor };
    }
  }
  return { status: closed ? 'closed' : started ? 'open' : 'not-started', sections, closed };
}

function correct(rec: SectionRecord, e: TimelineEvent, text: string): void {
  rec.corrections.push({ seq: e.seq, at: e.ts, by: e.actor, text });
  rec.text = text;
}

export interface ActionItem {
  incident: string;
  seq: number;
  text: string;
  owner: string | null;
  priority: ActionPriority | null;
  type: ActionType | null;
  due: string | null;
  ticket: string | null;
  status: ActionStatus;
  createdAt: string;
  createdBy: string;
  /** The action_item.updated events applied, oldest first. */
  updates: number[];
}

const opt = <T extends string>(v: unknown): T | null => (typeof v === 'string' && v ? (v as T) : null);

export function actionItems(incident: string, events: readonly TimelineEvent[]): ActionItem[] {
  const items = new Map<number, ActionItem>();
  for (const e of events) {
    const d = e.data;
    if (e.kind === 'action_item.added') {
      items.set(e.seq, {
        incident,
        seq: e.seq,
        text: String(d.text ?? ''),
        owner: opt(d.owner),
        priority: opt(d.priority),
        type: opt(d.type),
        due: opt(d.due),
        ticket: opt(d.ticket),
        status: opt<ActionStatus>(d.status) ?? 'open',
        createdAt: e.ts,
        createdBy: e.actor,
        updates: [],
      });
    } else if (e.kind === 'action_item.updated') {
      const item = items.get(Number(d.target));
      if (!item) continue;
      item.updates.push(e.seq);
      for (const k of ['owner', 'priority', 'type', 'due', 'ticket', 'status'] as const) {
        if (typeof d[k] === 'string') (item as unknown as Record<string, unknown>)[k] = d[k];
      }
    } else if (e.kind === 'amend') {
      // An amended item keeps its seq; the correction's text is what the item now says.
      const item = items.get(Number(d.target));
      if (item && typeof d.text === 'string') item.text = d.text;
    }
  }
  return [...items.values()];
}

export interface PostCheckRecord {
  scenario: string;
  check: string;
  result: PostCheckResult;
  text: string | null;
  seq: number;
  at: string;
  by: string;
}

/** The latest recorded result of each post-check. */
export function postCheckRecords(events: readonly TimelineEvent[]): PostCheckRecord[] {
  const latest = new Map<string, PostCheckRecord>();
  for (const e of events) {
    if (e.kind !== 'post_check.recorded') continue;
    const r: PostCheckRecord = {
      scenario: String(e.data.scenario ?? ''),
      check: String(e.data.check ?? ''),
      result: e.data.result as PostCheckResult,
      text: opt(e.data.text),
      seq: e.seq,
      at: e.ts,
      by: e.actor,
    };
    latest.set(`${r.scenario}\u0000${r.check}`, r);
  }
  return [...latest.values()];
}
