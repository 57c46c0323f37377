// The postmortem review in the console: the sections of the review on the record, each written, drafted from the
// record or empty. Looking writes nothing; accepting a draft, writing a section and closing the review append
// the same events as `warroom review` (a section written twice is corrected by an amendment of its event).
import { isResolved, type NewEvent, type TimelineEvent } from '../../core/index.js';
import { buildReport, type ReviewSectionRow, type ScenarioInput } from '../../core/report/index.js';
import { draftText } from '../../core/review/facts.js';
import { isReviewSection } from '../../core/review/vocabulary.js';
import type { Command } from '../keymap.js';
import { toast } from './incident-commands.js';
import type { Effect } from './msg.js';
import { makePrompt } from './prompts.js';
import type { AppState, IncidentView, Modal, PromptModal } from './state.js';

type Result = [AppState, Effect[]];
export type ReviewModal = Extract<Modal, { kind: 'review' }>;
export interface ReviewView {
  status: 'not-started' | 'open' | 'closed';
  sections: ReviewSectionRow[];
}


export const sectionState = (r: ReviewSectionRow): 'written' | 'draft only' | 'empty' => (r.text !== null ? 'written' : r.draft.length ? 'draft only' : 'empty');

function scenariosOf(s: AppState, v: IncidentView): ScenarioInput[] {
  return s.catalog
    .filter((sc) => v.incident.scenarios.includes(sc.id))
    .map((sc) => ({
      id: sc.id,
      title: sc.title,
      objectives: [...sc.objectives],
      steps: sc.steps.map((st) => ({ id: st.id, title: st.title, role: st.role, depends_on: [...st.depends_on] })),
      metrics: [...sc.metrics],
    }));
}

// The drafts are rebuilt only when the journal or the catalog changes, not on every key or frame.
const cache = new WeakMap<readonly TimelineEvent[], { catalog: AppState['catalog']; view: ReviewView }>();

/** The review as the record stands: a pure read of the events this console holds. */
export function reviewView(s: AppState, v: IncidentView): ReviewView {
  const hit = cache.get(v.events);
  if (hit?.catalog === s.catalog) return hit.view;
  const head = v.events.at(-1);
  const model = buildReport({
    events: v.events,
    state: v.incident,
    scenarios: scenariosOf(s, v),
    now: s.now,
    verification: { ok: true, count: v.events.length, headHash: head?.hash ?? '' },
  });
  const view: ReviewView = { status: model.review.status, sections: model.review.sections };
  cache.set(v.events, { catalog: s.catalog, view });
  return view;
}

/** The review key on the incident: opens the review once the incident is resolved, else says when it will. */
export function openReview(s: AppState): Result {
  const v = s.incident;
  if (!v) return [s, []];
  if (!isResolved(v.incident)) return [toast(s, `the review opens after resolution (${v.id} is ${v.incident.status})`, 'warn'), []];
  return [{ ...s, modals: [...s.modals, { kind: 'review', cursor: 0 }] }, []];
}

/** The event that records a section: the first wording, or an amendment of it, so no wording is lost. */
export function sectionEvent(row: ReviewSectionRow, text: string, from: 'draft' | 'text'): NewEvent {
  if (row.seq !== null) return { kind: 'amend', data: { target: row.seq, text } };
  // The rows come from REVIEW_SECTIONS, so the check only narrows the type.
  if (!isReviewSection(row.section)) throw new Error(`not a review section: ${row.section}`);
  return { kind: 'review.section', data: { section: row.section, text, from } };
}

const replaceTop = (s: AppState, m: Modal): AppState => ({ ...s, modals: [...s.modals.slice(0, -1), m] });

/** A command while the review screen is on top. */
export function reviewCommand(s: AppState, m: ReviewModal, cmd: Command): Result {
  const v = s.incident;
  if (!v) return [s, []];
  const review = reviewView(s, v);
  const row = review.sections[m.cursor]!;
  const closed = review.status === 'closed' ? `the review is closed; correct a section with "warroom amend ${v.id} SEQ TEXT"` : undefined;
  switch (cmd) {
    case 'down':
    case 'up': {
      const cursor = Math.max(0, Math.min(review.sections.length - 1, m.cursor + (cmd === 'down' ? 1 : -1)));
      return [replaceTop(s, { ...m, cursor }), []];
    }
    case 'close':
      return [{ ...s, modals: s.modals.slice(0, -1) }, []];
    case 'review-accept': {
      if (closed) return [toast(s, closed, 'warn'), []];
      if (row.draft.length === 0) return [toast(s, `the draft of ${row.section} is empty: nothing to accept (e writes it)`, 'warn'), []];
      const text = draftText(row);
      if (row.text === text) return [toast(s, `${row.section} already says that; nothing was recorded`, 'muted'), []];
      return [toast(s, `${row.seq !== null ? 'corrected' : 'recorded'} ${row.section} from its draft`, 'ok'), [{ type: 'append', id: v.id, events: [sectionEvent(row, text, 'draft')] }]];
    }
    case 'review-write': {
      if (closed) return [toast(s, closed, 'warn'), []];
      const prompt = makePrompt('review-section', `Write ${row.title}`, [{ key: 'text', label: row.title }], { section: row.section });
      return [{ ...s, modals: [...s.modals, prompt] }, []];
    }
    case 'review-done': {
      if (closed) return [toast(s, closed, 'warn'), []];
      const empty = review.sections.filter((r) => r.text === null).map((r) => r.section);
      const text = `Close the review of ${v.id}?${empty.length ? ` Not written: ${empty.join(', ')}.` : ''} (y/n)`;
      return [{ ...s, modals: [...s.modals, { kind: 'confirm', purpose: 'review-close', text, events: [{ kind: 'review.closed', data: {} }] }] }, []];
    }
    default:
      return [s, []];
  }
}

/** The written section from the prompt `e` opened. */
export function finishReviewPrompt(s: AppState, m: PromptModal): Result {
  const v = s.incident;
  if (!v) return [s, []];
  const row = reviewView(s, v).sections.find((r) => r.section === m.context.section);
  const text = (m.answers.text ?? '').trim();
  if (!row) return [s, []];
  if (!text) return [toast(s, `nothing written: ${row.section} is unchanged`, 'muted'), []];
  if (row.text === text) return [toast(s, `${row.section} already says that; nothing was recorded`, 'muted'), []];
  return [toast(s, `${row.seq !== null ? 'corrected' : 'recorded'} ${row.section}`, 'ok'), [{ type: 'append', id: v.id, events: [sectionEvent(row, text, 'text')] }]];
}
