// The drill's prompts and views: hand over control, end the drill, read the injects whole, and an
// evaluator's mark. What they record is decided like every drill act (core/drill-control.ts).
import { audienceText, foldDrill, formatOffset, marksOf, nothingLeft, roleOf, suggestCredit, unfired, withoutDebrief, type Expectation, type TimelineEvent } from '../../core/index.js';
import type { Command } from '../keymap.js';
import { stepDrill, whoOf } from './drill.js';
import { addInjectPrompt, finishAddInject } from './drill-add.js';
import { injectCard, inboxOf } from './drill-inbox.js';
import type { Effect } from './msg.js';
import { makePrompt } from './prompts.js';
import type { AppState, DrillView, PromptModal } from './state.js';

type Result = [AppState, Effect[]];
const DRILL_PURPOSES = ['drill-handover', 'drill-end', 'drill-mark', 'drill-script', 'drill-add'] as const;
export const isDrillPurpose = (p: string): p is (typeof DRILL_PURPOSES)[number] => (DRILL_PURPOSES as readonly string[]).includes(p);

const toastOf = (s: AppState, text: string, tone: 'ok' | 'warn' | 'muted' = 'warn'): AppState => ({ ...s, toast: { text, tone, at: s.now } });
const withModal = (s: AppState, m: PromptModal | { kind: 'view'; title: string; text: string; scroll: number }): AppState => ({ ...s, modals: [...s.modals, m] });

export function drillPrompt(s: AppState, d: DrillView, cmd: Extract<Command, 'drill-handover' | 'drill-end' | 'drill-injects' | 'drill-mark' | 'drill-script' | 'drill-add'>): Result {
  const v = s.incident!;
  const record = foldDrill(v.events);
  switch (cmd) {
    case 'drill-injects':
      return [withModal(s, { kind: 'view', title: 'Injects fired so far', text: injectsText(s, d, v.events), scroll: 0 }), []];
    case 'drill-add':
      if (d.role !== 'controller') return stepDrill(s, { kind: 'add', inject: { title: '', text: '' } }); // says who controls it
      return [withModal(s, addInjectPrompt(s, record)), []];
    case 'drill-handover': {
      if (d.role !== 'controller') return stepDrill(s, { kind: 'handover', to: '' }); // says who controls it
      // Control goes to a console (the lease names one); a name typed instead goes to that person's latest console.
      const consoles = Object.entries(record.consoles).filter(([c]) => c !== s.config.consoleId);
      const choices = consoles.length
        ? consoles.map(([c, x]) => ({ value: c, label: `${x.actor} (${x.role}, console ${c})` }))
        : Object.keys(record.roles).filter((a) => a !== s.config.actor).map((a) => ({ value: a, label: `${a} (${record.roles[a]})` }));
      const step = { key: 'to', label: 'Hand control of the drill to', ...(choices.length ? { choices, other: 'someone else' } : {}) };
      return [withModal(s, makePrompt('drill-handover', 'Hand over the drill', [step])), []];
    }
    case 'drill-script': {
      if (d.role !== 'controller') return stepDrill(s, { kind: 'fire' }); // says who controls it
      const left = unfired(record, d.session.schedule);
      if (left.length === 0) return [toastOf(s, nothingLeft(record), 'muted'), []];
      return [
        withModal(
          s,
          makePrompt('drill-script', 'Fire or skip an inject', [
            { key: 'inject', label: 'Inject', choices: left.map((i) => ({ value: i.id, label: `${formatOffset(i.atSeconds)} ${i.id}: ${i.text}` })) },
            { key: 'what', label: 'Fire it now, or skip it', choices: [{ value: 'fire', label: 'fire now' }, { value: 'skip', label: 'skip (it never fires)' }] },
          ]),
        ),
        [],
      ];
    }
    case 'drill-end':
      if (d.role !== 'controller') return stepDrill(s, { kind: 'end' });
      return [withModal(s, makePrompt('drill-end', 'End the drill', [{ key: 'typed', label: 'Type "end" to end the drill: the clock stops and nothing more fires' }])), []];
    case 'drill-mark': {
      if (roleOf(record, whoOf(s)) !== 'evaluator') return [toastOf(s, `drill: only an evaluator marks expectations (you are ${d.role}; join with --role evaluator)`), []];
      const fired = v.events.filter((e) => e.kind === 'exercise.inject');
      if (fired.length === 0) return [toastOf(s, 'drill: no inject has fired yet', 'muted'), []];
      const choices = fired.map((e) => {
        const credit = suggestCredit(withoutDebrief(v.events), e, record, expectationOf(d, String(e.data.inject)));
        return { value: String(e.data.inject), label: `${String(e.data.inject)}: ${credit ? `suggested #${credit.seq} ${credit.kind} by ${credit.actor}` : 'no response yet'}` };
      });
      return [
        withModal(
          s,
          makePrompt('drill-mark', 'Mark an expectation', [
            { key: 'inject', label: 'Inject', choices },
            { key: 'rating', label: 'Expectation', choices: [{ value: 'met', label: 'met' }, { value: 'partly', label: 'partly met' }, { value: 'not-met', label: 'not met' }] },
            { key: 'note', label: 'Note (what you saw; optional)', optional: true },
          ]),
        ),
        [],
      ];
    }
  }
}

export function finishDrillPrompt(s: AppState, m: PromptModal): Result {
  const v = s.incident!;
  const a = m.answers;
  if (m.purpose === 'drill-add') return finishAddInject(s, a);
  if (m.purpose === 'drill-handover') return stepDrill(s, { kind: 'handover', to: a.to ?? '' });
  if (m.purpose === 'drill-script') return stepDrill(s, a.what === 'skip' ? { kind: 'skip', injectId: a.inject ?? '' } : { kind: 'fire', injectId: a.inject ?? '' });
  if (m.purpose === 'drill-end') return (a.typed ?? '').trim().toLowerCase() === 'end' ? stepDrill(s, { kind: 'end' }) : [toastOf(s, 'drill: not ended (type end to end it)', 'muted'), []];
  const inject = v.events.find((e) => e.kind === 'exercise.inject' && e.data.inject === a.inject);
  const rating = a.rating === 'met' || a.rating === 'partly' || a.rating === 'not-met' ? a.rating : undefined;
  if (!inject || !rating) return [toastOf(s, 'drill: pick a fired inject and met, partly or not met'), []];
  const credit = s.drill ? suggestCredit(withoutDebrief(v.events), inject, foldDrill(v.events), expectationOf(s.drill, String(a.inject))) : undefined;
  const note = (a.note ?? '').trim();
  return [s, [{ type: 'append', id: v.id, events: [{ kind: 'exercise.marked', data: { inject: String(a.inject), rating, ...(note ? { note } : {}), ...(credit ? { suggested: credit.seq } : {}) } }] }]];
}

/** What the runbook expects in answer to an inject: the kinds and roles that count (the AAR uses the same). */
function expectationOf(d: DrillView, injectId: string): Expectation {
  const expects = d.session.schedule.find((i) => i.id === injectId)?.inject.expect ?? [];
  return { kinds: expects.flatMap((x) => [...(x.kinds ?? [])]), roles: [...new Set(expects.map((x) => x.role ?? 'player'))] };
}

/**
 * Every inject fired so far that this console sees, whole and as its channel shows it; the controller also
 * reads who each was for and the facilitator's lines.
 */
function injectsText(s: AppState, d: DrillView, events: readonly TimelineEvent[]): string {
  const marks = marksOf(events);
  const fired = inboxOf(s, s.incident!);
  if (fired.length === 0) return 'No inject has fired yet.';
  return fired
    .map((f) => {
      const id = f.inject;
      const lines = injectCard(f, d.role === 'controller' || d.role === 'evaluator');
      const planned = d.session.schedule.find((i) => i.id === id);
      if (d.role !== 'player' && d.role !== 'observer') lines.push(`for: ${audienceText(f.audience, f.channel)}`);
      if (d.role === 'controller' && planned?.facilitator) lines.push(`facilitator: ${planned.facilitator}`);
      const mark = marks.get(id);
      if (mark && d.role !== 'player') lines.push(`marked ${mark.rating} by ${mark.actor}${mark.note ? `: ${mark.note}` : ''}`);
      return lines.join('\n');
    })
    .join('\n\n');
}
