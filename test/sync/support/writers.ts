// Responders on separate state directories, each with its own clock, driven through the CLI in-process.
import type { Clock } from '../../../src/core/index.js';
import { IncidentStore } from '../../../src/store/incident-store.js';
import { runCli, type CliRun } from '../../support/cli.js';
import { tempDir } from '../../support/tmp.js';

export interface Writer {
  name: string;
  dir: string;
  clock: Clock & { advance(ms: number): void };
  cli(argv: string[], stdin?: string): Promise<CliRun>;
  /** The merged timeline as origin:originSeq:hash, in order. */
  timeline(id: string): string[];
}

export function makeWriter(name: string, startMs: number, endpoint: () => string): Writer {
  const dir = tempDir();
  let now = startMs;
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  return {
    name,
    dir,
    clock,
    cli: (argv, stdin) =>
      runCli([...argv, '--state-dir', dir], {
        clock,
        env: { WARROOM_ACTOR: name, AWS_REGION: 'eu-west-2', AWS_ENDPOINT_URL: endpoint(), WARROOM_SYNC_TIMEOUT_MS: '1500' },
        ...(stdin !== undefined ? { stdin } : {}),
      }),
    timeline: (id) => {
      const loaded = new IncidentStore(dir, clock).load(id);
      return loaded.events.map((e) => {
        const m = e as typeof e & { origin?: string; originSeq?: number };
        return `${m.origin}:${m.originSeq}:${e.hash}`;
      });
    },
  };
}

/** Fake credentials for the SDK, which reads them from the process environment. */
export function useMotoCredentials(): void {
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}
