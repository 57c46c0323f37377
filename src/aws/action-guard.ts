// The checks every ActionsPort runs before any mutating call: enabled, a known operation, arguments that
// fill, and the operator's typed confirmation equal to the filled target. Nothing is called otherwise.
import { ACTION_OPERATIONS, fillDeep, fillTemplate, type ActionSpec } from '../core/index.js';
import { actionsDisabled } from './classify-error.js';
import type { ActionRequest, AwsFailure } from './ports.js';

export const actionTarget = (spec: ActionSpec, params: Readonly<Record<string, string>>) => fillTemplate(spec.confirm, params);

export type GuardResult = { ok: true; args: Record<string, unknown>; target: string } | { ok: false; error: AwsFailure };

export function guardAction(request: ActionRequest, enabled: boolean): GuardResult {
  const { spec, params } = request;
  if (!enabled) return { ok: false, error: actionsDisabled(`${spec.service} ${spec.operation}`) };
  const allowed: readonly string[] = ACTION_OPERATIONS[spec.service];
  if (!allowed.includes(spec.operation)) {
    return { ok: false, error: { class: 'not-supported', message: `not supported: ${spec.service} ${spec.operation} is not an action warroom runs (allowed: ${allowed.join(', ') || 'none'})` } };
  }
  let target: string;
  let args: Record<string, unknown>;
  try {
    target = actionTarget(spec, params);
    args = fillDeep(spec.args, params) as Record<string, unknown>;
  } catch (err) {
    return { ok: false, error: { class: 'invalid-parameter', message: `invalid parameter: ${err instanceof Error ? err.message : String(err)}` } };
  }
  if (request.confirmation.trim() !== target) {
    return { ok: false, error: { class: 'refused', message: `refused: the confirmation typed does not match "${target}"; nothing was changed` } };
  }
  return { ok: true, args, target };
}
