// Runs an action and records it on the timeline: requested before, approved when the confirmation
// matches, then succeeded or failed. The console and the CLI share this, so every action is recorded alike.
import { randomUUID } from 'node:crypto';
import { fillDeep, sanitizeLine, type NewEvent } from '../core/index.js';
import { actionTarget, guardAction } from './action-guard.js';
import type { ActionRequest, ActionResult, AwsPorts } from './ports.js';

export type AppendFn = (event: NewEvent) => unknown;

export interface ActionMeta {
  actionId?: string;
  scenario?: string;
  step?: string;
  /** The region name the action runs in, for the record. */
  region?: string;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

export async function runRecordedAction(
  ports: Pick<AwsPorts, 'actions'>,
  append: AppendFn,
  request: ActionRequest,
  meta: ActionMeta = {},
  signal?: AbortSignal,
): Promise<ActionResult & { actionId: string }> {
  const actionId = meta.actionId ?? `act-${randomUUID().slice(0, 8)}`;
  const { spec, params } = request;
  const target = safe(() => actionTarget(spec, params), spec.confirm);
  await append({
    kind: 'aws.action.requested',
    data: {
      actionId,
      service: spec.service,
      operation: spec.operation,
      target,
      args: safe(() => fillDeep(spec.args, params) as Record<string, unknown>, spec.args),
      ...(meta.region ? { region: meta.region } : {}),
      ...(meta.scenario ? { scenario: meta.scenario } : {}),
      ...(meta.step ? { step: meta.step } : {}),
    },
  });
  const guard = guardAction(request, ports.actions.enabled);
  let result: ActionResult;
  if (!guard.ok) {
    result = { ok: false, summary: guard.error.message, simulated: false, error: guard.error };
  } else {
    await append({ kind: 'aws.action.approved', data: { actionId, confirmedTarget: guard.target } });
    try {
      result = await ports.actions.execute(request, signal);
    } catch (err) {
      // Adapters never throw, but a recorded "failed" beats an action left without an outcome.
      const message = `failed: ${sanitizeLine(err instanceof Error ? err.message : String(err))}`;
      result = { ok: false, summary: message, simulated: false, error: { class: 'unknown', message } };
    }
  }
  if (result.ok) {
    await append({ kind: 'aws.action.succeeded', data: { actionId, summary: result.summary, simulated: result.simulated, ...(result.requestId ? { requestId: result.requestId } : {}) } });
  } else {
    const error = result.error ?? { class: 'unknown' as const, message: result.summary };
    await append({ kind: 'aws.action.failed', data: { actionId, errorClass: error.class, message: error.message, ...(result.requestId ? { requestId: result.requestId } : {}) } });
  }
  return { ...result, actionId };
}
