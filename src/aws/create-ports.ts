// The one place the composition root (console, CLI) gets its AWS from. Live only when AWS is configured
// and the session is live; an exercise, or no AWS configuration at all, gets the simulated AWS.
import { readFileSync } from 'node:fs';
import type { Clock } from '../core/index.js';
import { resolveAwsConfig, type ResolvedAwsConfig } from './config.js';
import { createLivePorts } from './live/live-ports.js';
import type { CallBudget, Purpose } from './live/clients.js';
import type { Sleep } from './poll-verify.js';
import type { AwsPorts } from './ports.js';
import { SimAws } from './sim/sim-aws.js';

export interface CreateAwsPortsOptions {
  /** live: real AWS when configured (else simulated); simulated: always the model; exercise: the model, never real AWS. */
  mode: 'live' | 'simulated' | 'exercise';
  profile?: string | undefined;
  region?: string | undefined;
  drRegion?: string | undefined;
  endpointUrl?: string | undefined;
  allowActions: boolean;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  /** Simulated AWS only: the PRNG seed (same seed, same drill). */
  seed?: number;
  sleep?: Sleep;
  budgets?: Partial<Record<Purpose, CallBudget>>;
}

export type CreatedPorts = AwsPorts & { sim?: SimAws; config: ResolvedAwsConfig };

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function createAwsPorts(options: CreateAwsPortsOptions): CreatedPorts {
  const config = resolveAwsConfig(options, options.env, readIfExists);
  if (options.mode === 'live' && config.configured) {
    return { ...createLivePorts({ config, allowActions: options.allowActions, mode: 'live', clock: options.clock, ...(options.sleep ? { sleep: options.sleep } : {}), ...(options.budgets ? { budgets: options.budgets } : {}) }), config };
  }
  const sim = new SimAws({
    clock: options.clock,
    seed: options.seed ?? 1,
    allowActions: options.allowActions,
    ...(config.configured ? { region: config.region } : {}),
    ...(config.drRegion ? { drRegion: config.drRegion } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  return { ...sim.ports(), config };
}
