// The console's scenario catalog, AWS ports and report export: the one file to change when the catalog
// (src/scenarios) and the AWS layer (src/aws/create-ports) are wired in.
//
// For now it is honest about what is missing: the catalog is the two test fixture scenarios, every AWS
// port answers "not connected" (panes say "no data: AWS layer not wired"), and Export writes the
// Markdown timeline until the report renderer lands.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AwsFailure, AwsPorts } from '../aws/ports.js';
import { renderTimeline } from '../report/timeline-export.js';
import type { UiScenario } from '../ui/scenario.js';
import { FIXTURE_SCENARIOS } from '../../test/ui/fixtures/scenarios.js';
import type { IncidentStore } from '../store/incident-store.js';

export interface ConsoleWiring {
  scenarios: readonly UiScenario[];
  catalogProblems: string[];
  aws: AwsPorts;
  awsConnected: boolean;
  modeLabel: string;
  exportReport?: (id: string) => Promise<{ path: string; format: string }>;
}

const NOT_WIRED: AwsFailure = { class: 'not-supported', message: 'not connected: AWS layer not wired' };
const notWired = () => Promise.reject(new Error(NOT_WIRED.message));

export function notConnectedPorts(): AwsPorts {
  return {
    mode: 'simulated',
    describe: { region: 'none' },
    metrics: { fetch: notWired },
    alarms: { poll: notWired },
    probes: { verify: async () => ({ passed: false, summary: NOT_WIRED.message, evidence: {}, attempts: 0, elapsedMs: 0, error: NOT_WIRED }) },
    actions: {
      enabled: false,
      target: (spec) => spec.confirm,
      execute: async () => ({ ok: false, summary: NOT_WIRED.message, simulated: false, error: NOT_WIRED }),
    },
    recoveryPoints: { read: async () => ({ points: [], errors: [NOT_WIRED] }) },
  };
}

/** The banner's mode badge for a set of ports: "LIVE profile account region (DR dr-region)" or "SIMULATED region". */
export function modeLabelFor(aws: AwsPorts): string {
  const d = aws.describe;
  if (aws.mode === 'simulated') return `SIMULATED ${d.region}`;
  return ['LIVE', d.profile, d.account, d.region, d.drRegion ? `(DR ${d.drRegion})` : undefined].filter(Boolean).join(' ');
}

export async function consoleWiring(opts: { stateDir: string; store: IncidentStore; allowActions: boolean }): Promise<ConsoleWiring> {
  return {
    scenarios: FIXTURE_SCENARIOS,
    catalogProblems: ['built-in sample scenarios (the runbook catalog is not wired yet)'],
    aws: notConnectedPorts(),
    awsConnected: false,
    modeLabel: 'AWS NOT CONNECTED',
    exportReport: async (id) => {
      const { events } = opts.store.load(id);
      const dir = join(opts.store.dir, 'reports');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, `${id}-timeline.md`);
      writeFileSync(path, renderTimeline(events, 'md'), { mode: 0o600 });
      return { path, format: 'md-timeline' };
    },
  };
}
