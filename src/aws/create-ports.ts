// The one place the composition root (console, CLI) gets its AWS from. Live only when AWS is configured
// and the session is live; an exercise, or no AWS configuration at all, gets the simulated AWS.
// (loadAwsPorts in load-ports.ts makes the same choice without loading the SDK up front.)
import { createLivePorts } from './live/live-ports.js';
import { awsConfigFor, createSimPorts, type CreateAwsPortsOptions, type CreatedPorts } from './load-ports.js';

export type { CreateAwsPortsOptions, CreatedPorts } from './load-ports.js';

export function createAwsPorts(options: CreateAwsPortsOptions): CreatedPorts {
  const { config, live } = awsConfigFor(options);
  if (!live) return createSimPorts(options, config);
  return { ...createLivePorts({ config, allowActions: options.allowActions, mode: 'live', clock: options.clock, ...(options.sleep ? { sleep: options.sleep } : {}), ...(options.budgets ? { budgets: options.budgets } : {}) }), config };
}
