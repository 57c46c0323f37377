// The mutating calls, against real AWS. Off unless enabled (--allow-actions), refused outright in an
// exercise, and each one only after the operator typed the filled confirmation target.
import { fillTemplate, sanitizeLine, type Clock } from '../../core/index.js';
import { waitForChangeInsync } from '../wait-effect.js';
import { actionTarget, guardAction } from '../action-guard.js';
import { actionsDisabled } from '../classify-error.js';
import type { ActionResult, ActionsPort, ProbesPort } from '../ports.js';
import { callAws } from './call.js';
import type { LiveClients } from './clients.js';
import { commandFor, resourceOf } from './operations.js';
import { resolveRegion } from '../where.js';

export function liveActions(clients: LiveClients, opts: { enabled: boolean; mode: 'live' | 'exercise'; probes: ProbesPort; clock: Clock }): ActionsPort {
  // An exercise never touches real AWS, whatever flags were given.
  const enabled = opts.enabled && opts.mode !== 'exercise';
  return {
    enabled,
    target: actionTarget,
    async execute(request, signal): Promise<ActionResult> {
      if (opts.mode === 'exercise') return { ok: false, simulated: false, summary: 'refused: exercise mode never acts on real AWS', error: actionsDisabled(`${request.spec.service} ${request.spec.operation}`) };
      const guard = guardAction(request, enabled);
      if (!guard.ok) return { ok: false, simulated: false, summary: guard.error.message, error: guard.error };
      const { spec } = request;
      const where = resolveRegion(spec.region, request.params, clients.config);
      if (!where.ok) return { ok: false, simulated: false, summary: `refused: ${where.message}; nothing was changed`, error: { class: 'invalid-parameter', message: `invalid parameter: ${where.message}` } };
      const region = where.region;
      const resource = resourceOf(guard.args);
      const res = await callAws(
        clients.in(spec.service, region, 'action'),
        commandFor(spec.service, spec.operation, guard.args),
        { service: spec.service, operation: spec.operation, region, ...(resource ? { resource } : {}) },
        clients.budgets.action.deadlineMs,
        signal,
      );
      if (!res.ok) return { ok: false, simulated: false, summary: res.error.message, error: res.error, ...(res.error.requestId ? { requestId: res.error.requestId } : {}) };
      const effect = await waitForChangeInsync(opts.probes, spec.service, res.value, signal);
      const summary = `${spec.service} ${spec.operation} accepted for ${sanitizeLine(fillTemplate(spec.confirm, request.params))} in ${region}${effect ? `; ${effect}` : ''}`;
      return { ok: true, simulated: false, summary, ...(res.requestId ? { requestId: sanitizeLine(res.requestId) } : {}) };
    },
  };
}
