// Runs a step's read-only verify against AWS, polling with short per-call deadlines.
import type { Clock } from '../../core/index.js';
import { pollVerify, type Sleep } from '../poll-verify.js';
import type { ProbesPort } from '../ports.js';
import { callAws } from './call.js';
import type { LiveClients } from './clients.js';
import { commandFor, resourceOf } from './operations.js';

export function liveProbes(clients: LiveClients, clock: Clock, sleep: Sleep): ProbesPort {
  return {
    verify(spec, params, signal) {
      return pollVerify(spec, params, {
        clock,
        sleep,
        read: async (args, left, sig) => {
          const region = clients.regionName(spec.region);
          const resource = resourceOf(args);
          const ctx = { service: spec.service, operation: spec.operation, region, ...(resource ? { resource } : {}) };
          const res = await callAws(clients.get(spec.service, spec.region), commandFor(spec.service, spec.operation, args), ctx, Math.min(left, clients.budgets.read.deadlineMs), sig);
          return res.ok ? { ok: true, value: res.value } : res;
        },
      }, signal);
    },
  };
}
