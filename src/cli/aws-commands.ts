// AWS commands: `doctor` (what works, what is denied) and `metrics` (a scenario's CloudWatch panes).
import { Option, type Command } from 'commander';
import { ExitCode, usageError, type MetricSpec } from '../core/index.js';
import { loadAwsPorts, type CreatedPorts } from '../aws/load-ports.js';
import { nextRefreshAt } from '../aws/metric-plan.js';
import { realSleep } from '../aws/poll-verify.js';
import { resolveRegion, type RegionSettings } from '../aws/where.js';
import { scenarioForAws, type ScenarioForAws } from './aws-commands-catalog.js';
import { banner, formatDoctor, formatPane, levelOf } from './aws-format.js';
import type { CliContext } from './context.js';
import type { Register } from './main.js';

interface AwsFlags {
  profile?: string;
  region?: string;
  drRegion?: string;
  endpointUrl?: string;
  json?: boolean;
}

const awsOptions = (cmd: Command) =>
  cmd
    .option('--profile <name>', 'AWS profile (env AWS_PROFILE)')
    .option('--region <region>', 'primary region (env AWS_REGION, then AWS_DEFAULT_REGION)')
    .option('--dr-region <region>', 'disaster-recovery region (env WARROOM_DR_REGION)')
    .option('--endpoint-url <url>', 'send every call here, e.g. a local test server (env AWS_ENDPOINT_URL)')
    .option('--json', 'print as JSON');

function parseParams(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0) throw usageError(`--param "${p}" must be NAME=VALUE`);
    out[p.slice(0, i)] = p.slice(i + 1);
  }
  return out;
}

/** The AWS SDK is loaded only when live AWS is configured, so the other commands start without it. */
export function portsFor(ctx: CliContext, flags: AwsFlags): Promise<CreatedPorts> {
  return loadAwsPorts({ mode: 'live', profile: flags.profile, region: flags.region, drRegion: flags.drRegion, endpointUrl: flags.endpointUrl, allowActions: false, env: ctx.env, clock: ctx.clock });
}

/** Every region a scenario's steps, actions, waits and panes talk to, resolved as they will be (where.ts). */
export function scenarioRegions(found: ScenarioForAws, settings: RegionSettings): string[] {
  const steps = (found.scenario.steps ?? []) as readonly { verify?: { region: string }; action?: { region: string; service: string; wait?: { region: string } } }[];
  const refs = [...steps.flatMap((st) => [st.verify?.region, st.action?.region, st.action?.wait?.region]), ...found.metrics.map((m) => m.region)];
  const out = new Set<string>();
  for (const ref of refs) {
    if (!ref) continue;
    const w = resolveRegion(ref, found.params, settings);
    if (w.ok) out.add(w.region);
  }
  return [...out];
}

export async function doctor(ctx: CliContext, flags: AwsFlags & { scenario?: string; param?: string[] }): Promise<number> {
  const ports = await portsFor(ctx, flags);
  if (ports.mode === 'simulated') {
    const msg = 'no AWS configuration given (no --profile, --region, --endpoint-url or AWS_* environment): warroom runs on the simulated AWS; nothing to check';
    ctx.out(flags.json ? JSON.stringify({ configured: false, message: msg, checks: [] }) : msg);
    return ExitCode.ok;
  }
  const [{ createLiveClients }, { runDoctor }] = await Promise.all([import('../aws/live/clients.js'), import('../aws/live/doctor.js')]);
  const clients = createLiveClients(ports.config);
  try {
    const found = flags.scenario ? scenarioForAws(ctx, flags.scenario, parseParams(flags.param ?? [])) : undefined;
    const regions = found ? scenarioRegions(found, ports.config) : [];
    const checks = await runDoctor(clients, { regions, ...(ports.identity ? { identity: ports.identity } : {}) });
    const ok = checks.every((c) => c.ok);
    if (flags.json) ctx.out(JSON.stringify({ ...ports.config, ok, checks }, null, 2));
    else {
      ctx.out(`${banner(ports)} (region from ${ports.config.regionSource})`);
      for (const l of formatDoctor(checks)) ctx.out(l);
    }
    return ok ? ExitCode.ok : ExitCode.aws;
  } finally {
    clients.destroy();
  }
}

/** Fetches a scenario's panes once (or every period until interrupted) and prints them. */
export async function showMetrics(ctx: CliContext, ports: CreatedPorts, found: ScenarioForAws, opts: { once?: boolean; json?: boolean; minutes: number }, signal?: AbortSignal): Promise<number> {
  if (ports.sim) ports.sim.load(found.scenario, found.params);
  const specs: MetricSpec[] = found.metrics;
  if (specs.length === 0) {
    ctx.out(`${found.id} has no metric panes`);
    return ExitCode.ok;
  }
  const last = new Map<string, number>();
  for (;;) {
    const now = ctx.clock.now();
    const series = await ports.metrics.fetch(specs, found.params, { start: now - opts.minutes * 60_000, end: now }, signal);
    for (const s of specs) last.set(s.id, now);
    if (opts.json) {
      ctx.out(JSON.stringify({ scenario: found.id, mode: ports.mode, region: ports.describe.region, panes: series.map((s, i) => ({ ...s, title: specs[i]!.title, level: levelOf(specs[i]!, s), warning: specs[i]!.warning ?? null, critical: specs[i]!.critical ?? null })) }, null, opts.once ? 2 : 0));
    } else {
      ctx.out(`${banner(ports, found.params)}  ${found.id}  fetched ${new Date(now).toISOString()}`);
      series.forEach((s, i) => ctx.out(formatPane(specs[i]!, s)));
    }
    const failed = series.some((s) => s.status === 'Failed');
    if (opts.once || signal?.aborted) return failed ? ExitCode.aws : ExitCode.ok;
    const next = Math.min(...specs.map((s) => nextRefreshAt(s, last.get(s.id))));
    await realSleep(Math.max(1000, next - ctx.clock.now()), signal);
    if (signal?.aborted) return failed ? ExitCode.aws : ExitCode.ok;
  }
}

export const registerAwsCommands: Register = (program, run) => {
  awsOptions(
    program
      .command('doctor')
      .description('check AWS access: who you are (STS), one cheap read per service and region; lists missing IAM actions')
      .option('--scenario <id>', "also check every region this scenario's steps and panes touch")
      .option('--param <name=value...>', 'scenario parameters (dr_region=... names the DR region)', []),
  ).action(
    run(async (ctx, flags: AwsFlags & { scenario?: string; param?: string[] }) => doctor(ctx, flags)),
  );
  awsOptions(
    program
      .command('metrics')
      .description("fetch a scenario's CloudWatch panes and print them (simulated AWS when none is configured)")
      .argument('<scenario>', 'scenario id')
      .option('--param <name=value...>', 'scenario parameters', [])
      .option('--once', 'fetch once and exit (default: refresh every period until Ctrl+C)')
      .addOption(new Option('--minutes <n>', 'how far back to fetch').default('60')),
  ).action(
    run(async (ctx, id: string, flags: AwsFlags & { param: string[]; once?: boolean; minutes: string }) => {
      const minutes = Number(flags.minutes);
      if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 1440 * 15) throw usageError(`--minutes "${flags.minutes}" must be a number of minutes between 1 and 21600`);
      const ports = await portsFor(ctx, flags);
      const found = scenarioForAws(ctx, id, parseParams(flags.param), { examples: ports.mode === 'simulated' });
      const stop = new AbortController();
      const onInt = () => stop.abort();
      process.once('SIGINT', onInt);
      try {
        return await showMetrics(ctx, ports, found, { minutes, ...(flags.once ? { once: true } : {}), ...(flags.json ? { json: true } : {}) }, stop.signal);
      } finally {
        process.removeListener('SIGINT', onInt);
        (ports as { clients?: { destroy(): void } }).clients?.destroy();
      }
    }),
  );
};
