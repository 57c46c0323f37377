// Runs a step's read-only verify against AWS, polling with short per-call deadlines, in the region
// where.ts resolves from the runbook, the incident's params and the flags.
import { fillDeep, READ_OPERATIONS, type AwsService, type Clock } from '../../core/index.js';
import { pollVerify, type ReadResult, type Sleep } from '../poll-verify.js';
import { httpProbe, readRegionSignals } from '../region-signals.js';
import { readServedRecord } from '../route53-served.js';
import { readObjectVersion } from '../s3-version.js';
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
          const region = where.region;
          const call = async (service: AwsService, operation: string, a: Record<string, unknown>, inRegion: string): Promise<ReadResult> => {
            const resource = resourceOf(a);
            const ctx = { service, operation, region: inRegion, ...(resource ? { resource } : {}) };
            const res = await callAws(clients.in(service, inRegion), commandFor(service, operation, a), ctx, Math.min(left, clients.budgets.read.deadlineMs), sig);
            return res.ok ? { ok: true, value: res.value } : res;
          };
          const one = (operation: string, a: Record<string, unknown>) => call(spec.service, operation, a, region);
          if (spec.service === 'route53' && spec.operation === 'GetServedRecord') return readServedRecord(one, args);
          if (spec.service === 's3' && spec.operation === 'CompareObjectVersion') return readObjectVersion(one, args);
          if (spec.service === 'health' && spec.operation === 'GetRegionSignals') {
            const probeMs = Math.min(left, clients.budgets.read.deadlineMs);
            return readRegionSignals({ read: (service, operation, a, inRegion) => call(service, operation, a, inRegion), probe: (url) => httpProbe(url, probeMs, sig) }, args, region);
          }
          return one(spec.operation, args);
        },
      }, signal);
    },
    async read(call, params, signal) {
      const where = resolveRegion(call.region, params, clients.config);
      if (!where.ok) return { ok: false, error: { class: 'invalid-parameter', message: `invalid parameter: ${where.message}` } };
      if (!(READ_OPERATIONS[call.service] as readonly string[]).includes(call.operation)) return { ok: false, error: { class: 'not-supported', message: `not supported: ${call.service} ${call.operation} is not a read` } };
      let args: Record<string, unknown>;
      try {
        args = fillDeep(call.args, params) as Record<string, unknown>;
      } catch (err) {
        return { ok: false, error: { class: 'invalid-parameter', message: `invalid parameter: ${(err as Error).message}` } };
      }
      const resource = resourceOf(args);
      const ctx = { service: call.service, operation: call.operation, region: where.region, ...(resource ? { resource } : {}) };
      const res = await callAws(clients.in(call.service, where.region), commandFor(call.service, call.operation, args), ctx, clients.budgets.read.deadlineMs, signal);
      return res.ok ? { ok: true, value: res.value, region: where.region } : res;
    },
  };
}
