// Runs a step's read-only verify against AWS, polling with short per-call deadlines, in the region
// where.ts resolves from the runbook, the incident's params and the flags.
import type { Clock } from '../../core/index.js';
import { pollVerify, type Sleep } from '../poll-verify.js';
import type { ProbesPort } from '../ports.js';
import { resolveRegion } from '../where.js';
import { callAws } from './call.js';
import type { LiveClients } from './clients.js';
import { commandFor, resourceOf } from './operations.js';

export function liveProbes(clients: LiveClients, clock: Clock, sleep: Sleep): ProbesPort {
  return {
    verify(spec, params, signal) {
      const where = resolveRegion(spec.region, params, clients.config);
      return pollVerify(spec, params, {
        clock,
        sleep,
        read: async (args, left, sig) => {
          if (!where.ok) return { ok: false, error: { class: 'invalid-parameter', message: `invalid parameter: ${where.message}` } };
          const resource = resourceOf(args);
          const ctx = { service: spec.service, operation: spec.operation, region: where.region, ...(resource ? { resource } : {}) };
          const res = await callAws(clients.in(spec.service, where.region), commandFor(spec.service, spec.operation, args), ctx, Math.min(left, clients.budgets.read.deadlineMs), sig);
          return res.ok ? { ok: true, value: res.value } : res;
        },
      }, signal);
    },
  };
}
