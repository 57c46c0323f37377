// `warroom step ID STEP start|done|skip|fail|verify|act`: everything the console does to a step, for
// pager hooks, chat bots and shells. Actions take the console's own recorded path (src/aws/recorded-action.ts):
// the same events, the same refusals, the same wait.
import { completionRefusal, ExitCode, notFound, usageError, verificationParams, WarroomError, type NewEvent } from '../core/index.js';
import { loadAwsPorts } from '../aws/load-ports.js';
import { probeOutcome } from '../aws/poll-verify.js';
import { runRecordedAction } from '../aws/recorded-action.js';
import { couldNotCheckEvent, stepVerifiedEvent } from '../aws/timeline-events.js';
import { findScenario } from '../scenarios/index.js';
import { loadCliCatalog } from './catalog.js';
import type { CliContext } from './context.js';
import type { Register } from './main.js';

export const STEP_VERBS = ['start', 'done', 'skip', 'fail', 'verify', 'act'] as const;
type Verb = (typeof STEP_VERBS)[number];

interface StepFlags {
  reason?: string;
  confirm?: string;
  allowActions?: boolean;
  json?: boolean;
  profile?: string;
  region?: string;
  drRegion?: string;
  endpointUrl?: string;
}

/** The scenario and step a "STEP" or "SCENARIO/STEP" names among the incident's scenarios. */
function findStep(ctx: CliContext, scenarios: readonly string[], ref: string) {
  const [scenarioId, stepId] = ref.includes('/') ? (ref.split('/', 2) as [string, string]) : [undefined, ref];
  const catalog = loadCliCatalog(ctx);
  const candidates = scenarioId ? [scenarioId] : scenarios;
  for (const id of candidates) {
    const scenario = findScenario(catalog, id);
    const step = scenario.steps.find((s) => s.id === stepId);
    if (step) return { scenario, step };
  }
  throw notFound(`no step "${stepId}" in ${candidates.length ? candidates.join(', ') : 'this incident (it has no scenario yet)'} (list them with warroom show ID)`);
}

export async function stepCommand(ctx: CliContext, id: string, stepRef: string, verb: string, flags: StepFlags): Promise<number> {
  if (!(STEP_VERBS as readonly string[]).includes(verb)) throw usageError(`unknown step verb "${verb}" (use one of ${STEP_VERBS.join(', ')})`);
  const store = ctx.store();
  const { state, events } = store.load(id);
  const { scenario, step } = findStep(ctx, state.scenarios, stepRef);
  const ref = { scenario: scenario.id, step: step.id };
  const appended: NewEvent[] = [];
  const append = async (e: NewEvent) => {
    appended.push(e);
    await store.append(id, [e], ctx.actor);
  };
  const say = (line: string, data: Record<string, unknown>) => ctx.out(flags.json ? JSON.stringify({ incident: id, ...ref, verb, ...data, events: appended.map((e) => e.kind) }) : line);

  switch (verb as Verb) {
    case 'start':
      await append({ kind: 'step.started', data: ref });
      say(`${step.id} started`, {});
      return ExitCode.ok;
    case 'done': {
      const refusal = completionRefusal(state, scenario.id, step);
      if (refusal) throw new WarroomError(`${refusal} (the step is unchanged)`, ExitCode.failure);
      await append({ kind: 'step.completed', data: { ...ref, ...(flags.reason ? { text: flags.reason } : {}) } });
      say(`${step.id} done`, {});
      return ExitCode.ok;
    }
    case 'skip':
    case 'fail': {
      if (!flags.reason?.trim()) throw usageError(`${verb} needs a reason (add --reason "why")`);
      await append({ kind: verb === 'skip' ? 'step.skipped' : 'step.failed', data: { ...ref, reason: flags.reason } });
      say(`${step.id} ${verb === 'skip' ? 'skipped' : 'failed'}: ${flags.reason}`, { reason: flags.reason });
      return ExitCode.ok;
    }
    case 'verify':
    case 'act':
      break;
  }

  const ports = await loadAwsPorts({
    mode: state.mode === 'exercise' ? 'exercise' : 'live',
    profile: flags.profile, region: flags.region, drRegion: flags.drRegion, endpointUrl: flags.endpointUrl,
    allowActions: verb === 'act' && flags.allowActions === true, env: ctx.env, clock: ctx.clock,
  });
  try {
    // The simulated AWS holds the incident's resources only once it is told which ones.
    if (ports.sim) ports.sim.load(scenario, state.params);
    const params = verificationParams(state.params, events);
    if (verb === 'verify') {
      if (!step.verify) throw usageError(`${step.id} has no verification (check it by hand, then: warroom step ${id} ${step.id} done)`);
      const startedAt = new Date(ctx.clock.now()).toISOString();
      const result = await ports.probes.verify(step.verify, params);
      const outcome = probeOutcome(result);
      await append(outcome === 'could-not-check' ? couldNotCheckEvent(scenario.id, step.id, result) : stepVerifiedEvent(scenario.id, step.id, result, startedAt));
      say(`${step.id} ${outcome === 'passed' ? 'verified' : outcome === 'failed' ? 'NOT verified' : 'could not be checked'}: ${result.summary}`, { outcome, summary: result.summary, evidence: result.evidence, ...(result.error ? { error: result.error } : {}) });
      return outcome === 'passed' ? ExitCode.ok : outcome === 'failed' ? ExitCode.failure : ExitCode.aws;
    }
    if (!step.action) throw usageError(`${step.id} has no AWS action (its command is for a shell: warroom scenarios render ${scenario.id})`);
    const r = await runRecordedAction(ports, append, { spec: step.action, params, confirmation: flags.confirm ?? '' }, {
      scenario: scenario.id, step: step.id, events,
      ...(flags.json ? {} : { onProgress: (line: string) => ctx.err(`warroom: ${line}`) }),
    });
    if (r.outcome === 'refused') {
      if (flags.json) say('', { outcome: r.outcome, actionId: r.actionId, error: r.error });
      const hint = r.error?.class === 'actions-disabled' ? 'add --allow-actions' : r.error?.class === 'refused' ? `pass --confirm ${ports.actions.target(step.action, params)}` : 'the refusal is recorded on the timeline';
      throw new WarroomError(`${r.error?.message ?? r.summary} (${hint})`, ExitCode.failure);
    }
    const where = `${r.region ?? '?'}${r.account ? `, account ${r.account}` : ''}`;
    const line = r.ok ? `${step.id}: ${r.summary} (${where}); effect ${r.outcome}${r.wait ? `: ${r.wait.summary}` : ''}` : `${step.id}: ${r.error?.message ?? r.summary} (${where})`;
    say(line, { outcome: r.outcome, actionId: r.actionId, region: r.region, account: r.account, ok: r.ok, summary: r.summary, ...(r.wait ? { wait: { passed: r.wait.passed, summary: r.wait.summary } } : {}), ...(r.error ? { error: r.error } : {}) });
    return r.outcome === 'proved' || r.outcome === 'unverified' ? ExitCode.ok : r.outcome === 'could-not-check' ? ExitCode.aws : ExitCode.failure;
  } finally {
    (ports as { clients?: { destroy(): void } }).clients?.destroy();
  }
}

export const registerStepCommand: Register = (program, run) => {
  program
    .command('step')
    .description('start, finish, skip, fail, verify or act on a runbook step, as the console does (same events, same refusals, same wait)')
    .argument('<id>', 'incident id')
    .argument('<step>', 'step id, or SCENARIO/STEP')
    .argument('<verb>', STEP_VERBS.join(' | '))
    .option('--reason <text>', 'why (skip and fail need one)')
    .option('--confirm <target>', 'act: the confirmation target, typed as in the console')
    .option('--allow-actions', 'act: allow the mutating call (refused and recorded without it)')
    .option('--profile <name>', 'AWS profile (env AWS_PROFILE)')
    .option('--region <region>', 'primary region (env AWS_REGION); the incident parameter primary_region wins')
    .option('--dr-region <region>', 'DR region (env WARROOM_DR_REGION); the incident parameter dr_region wins')
    .option('--endpoint-url <url>', 'send every call here (env AWS_ENDPOINT_URL)')
    .option('--json', 'print the outcome as JSON')
    .action(run(async (ctx, id: string, step: string, verb: string, flags: StepFlags) => stepCommand(ctx, id, step, verb, flags)));
};
