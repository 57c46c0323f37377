// Exactly what each routed channel would receive for an update, as text: nothing is sent or recorded.
import { updateKind } from '../core/index.js';
import { routeFor } from './config.js';
import { preview, type OutgoingMessage } from './message.js';
import type { OutboxDeps } from './outbox.js';

export function previewUpdate(deps: Pick<OutboxDeps, 'store' | 'config'>, id: string, text: string, kind?: 'initial' | 'update' | 'resolution'): string[] {
  const { state } = deps.store.load(id);
  const k = kind ?? updateKind(state);
  const exercise = state.mode === 'exercise';
  const names = exercise ? deps.config.drill : routeFor(deps.config, k, state.severity);
  const message: OutgoingMessage = { incidentId: id, title: state.title, severity: state.severity, status: state.status, kind: k, text, exercise, update: 0 };
  if (names.length === 0) return [`no channel takes a ${k} update at ${state.severity}${exercise ? ' in an exercise' : ''}`];
  const out: string[] = [];
  for (const name of names) {
    const ch = deps.config.targets.find((t) => t.name === name)!;
    out.push(`--- ${name} (${ch.kind}) ---`, preview(ch, message));
  }
  return out;
}
