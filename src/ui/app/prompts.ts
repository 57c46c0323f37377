// Quick entry: each prompt is a short list of questions whose answers become one timeline event.
import { isMilestone, isStatus, milestoneEvents, MILESTONES, parseWhen, ROLES, SEVERITIES, STATUSES, statusEvents, type IncidentState, type NewEvent } from '../../core/index.js';
import { startField, type FieldStep } from './field.js';
import type { PromptModal, PromptPurpose } from './state.js';

const list = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export function makePrompt(purpose: PromptPurpose, title: string, steps: FieldStep[], context: Record<string, string> = {}): PromptModal {
  return { kind: 'prompt', purpose, title, steps, index: 0, field: startField(steps[0]!), answers: {}, context };
}

type EntryPurpose = 'note' | 'decision' | 'action-item' | 'role' | 'milestone' | 'severity' | 'status';

const ENTRY_STEPS: Record<EntryPurpose, { title: string; steps: FieldStep[] }> = {
  note: { title: 'Note', steps: [{ key: 'text', label: 'Note' }] },
  decision: { title: 'Decision', steps: [{ key: 'text', label: 'Decision (what was decided, and why)' }] },
  'action-item': {
    title: 'Action item',
    steps: [
      { key: 'text', label: 'Action item' },
      { key: 'owner', label: 'Owner (optional)', optional: true },
    ],
  },
  role: {
    title: 'Assign a role',
    steps: [
      { key: 'role', label: 'Role (pick one, or type any role name)', choices: list(ROLES), other: 'new role' },
      { key: 'name', label: 'Who' },
    ],
  },
  milestone: {
    title: 'Milestone',
    steps: [
      { key: 'milestone', label: 'Milestone', choices: list(MILESTONES) },
      { key: 'when', label: 'When? (now, 09:30 UTC, -20m, 2026-11-21T09:30Z)', initial: 'now' },
    ],
  },
  severity: {
    title: 'Severity',
    steps: [
      { key: 'severity', label: 'New severity', choices: list(SEVERITIES) },
      { key: 'reason', label: 'Why (optional)', optional: true },
    ],
  },
  status: {
    title: 'Status',
    steps: [
      { key: 'status', label: 'New status', choices: list(STATUSES) },
      { key: 'reason', label: 'Why (optional)', optional: true },
    ],
  },
};

export const isEntryPurpose = (p: string): p is EntryPurpose => p in ENTRY_STEPS;

export function entryPrompt(purpose: EntryPurpose, initial?: Record<string, string>): PromptModal {
  const def = ENTRY_STEPS[purpose];
  const steps = def.steps.map((s) => (initial?.[s.key] !== undefined ? { ...s, initial: initial[s.key]! } : s));
  return makePrompt(purpose, def.title, steps);
}

const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The events a finished quick entry records, or an error to show in the prompt. */
export function entryEvents(
  purpose: EntryPurpose,
  a: Record<string, string>,
  now: number,
  incident: Pick<IncidentState, 'status' | 'milestones'>,
): { events: NewEvent[]; note?: string } | { error: string } {
  const text = a.text ?? '';
  switch (purpose) {
    case 'note':
      return { events: [{ kind: 'note', data: { text } }] };
    case 'decision':
      return { events: [{ kind: 'decision', data: { text } }] };
    case 'action-item': {
      const owner = opt(a.owner);
      return { events: [{ kind: 'action_item.added', data: { text, ...(owner ? { owner } : {}) } }] };
    }
    case 'role':
      return { events: [{ kind: 'role.assigned', data: { role: a.role ?? '', name: a.name ?? '' } }] };
    case 'milestone': {
      const w = parseWhen(a.when ?? 'now', now);
      if (!w.ok) return { error: w.error };
      const m = a.milestone ?? '';
      if (!isMilestone(m)) return { error: `"${m}" is not a milestone` };
      const out = milestoneEvents(incident, m, w.at, w.backdated);
      return 'error' in out || !w.note ? out : { ...out, note: w.note };
    }
    case 'severity': {
      const reason = opt(a.reason);
      const severity = SEVERITIES.find((x) => x === a.severity);
      if (!severity) return { error: `"${a.severity ?? ''}" is not a severity` };
      return { events: [{ kind: 'severity.changed', data: { severity, ...(reason ? { reason } : {}) } }] };
    }
    case 'status': {
      const status = a.status ?? '';
      if (!isStatus(status)) return { error: `"${status}" is not a status` };
      return statusEvents(incident, status, opt(a.reason), new Date(now).toISOString());
    }
  }
}
