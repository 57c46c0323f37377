// AWS ports without loading the SDK up front: the simulated AWS is built here, and the live adapters (and the
// AWS SDK behind them) are imported only when live AWS is configured. The console and the commands use this.
import { readFileSync } from 'node:fs';
import type { Clock } from '../core/index.js';
import type { CallBudget, Purpose } from './live/clients.js';
import { resolveAwsConfig, type ResolvedAwsConfig } from './config.js';
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

/** The settings the options and environment resolve to, and whether they select live AWS. */
export function awsConfigFor(options: CreateAwsPortsOptions): { config: ResolvedAwsConfig; live: boolean } {
  const config = resolveAwsConfig(options, options.env, readIfExists);
  return { config, live: options.mode === 'live' && config.configured };
}

export function createSimPorts(options: CreateAwsPortsOptions, config: ResolvedAwsConfig): CreatedPorts {
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

/** createAwsPorts for callers that can wait: the live adapters are imported only when live AWS is configured. */
export async function loadAwsPorts(options: CreateAwsPortsOptions): Promise<CreatedPorts> {
  const { config, live } = awsConfigFor(options);
  if (!live) return createSimPorts(options, config);
  const { createAwsPorts } = await import('./create-ports.js');
  return createAwsPorts(options);
}
