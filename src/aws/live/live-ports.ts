// The live bundle: the four SDK clients behind the ports.
import type { Clock } from '../../core/index.js';
import type { ResolvedAwsConfig } from '../config.js';
import { realSleep, type Sleep } from '../poll-verify.js';
import type { AwsPorts } from '../ports.js';
import { createLiveClients, type CallBudget, type LiveClients, type Purpose } from './clients.js';
import { liveActions } from './live-actions.js';
import { liveAlarms } from './live-alarms.js';
import { liveIdentity } from './live-identity.js';
import { liveMetrics } from './live-metrics.js';
import { liveProbes } from './live-probes.js';
import { liveRecoveryPoints } from './live-recovery-points.js';

export interface LivePortsOptions {
  config: ResolvedAwsConfig;
  allowActions: boolean;
  mode: 'live' | 'exercise';
  clock: Clock;
  sleep?: Sleep;
  budgets?: Partial<Record<Purpose, CallBudget>>;
}

export function createLivePorts(opts: LivePortsOptions): AwsPorts & { clients: LiveClients } {
  const clients = createLiveClients(opts.config, opts.budgets);
  const now = () => opts.clock.now();
  const probes = liveProbes(clients, opts.clock, opts.sleep ?? realSleep);
  const identity = liveIdentity(opts.config, clients.budgets.read);
  return {
    mode: 'live',
    describe: {
      region: opts.config.region,
      ...(opts.config.profile ? { profile: opts.config.profile } : {}),
      ...(opts.config.drRegion ? { drRegion: opts.config.drRegion } : {}),
    },
    metrics: liveMetrics(clients, now),
    alarms: liveAlarms(clients, now),
    probes,
    actions: liveActions(clients, { enabled: opts.allowActions, mode: opts.mode, probes, clock: opts.clock }),
    recoveryPoints: liveRecoveryPoints(clients),
    identity,
    clients: { ...clients, destroy: () => (clients.destroy(), identity.destroy()) },
  };
}
