// `warroom exercise SCENARIO`: a tabletop drill on a real runbook. --script prints the schedule for the
// facilitator to prepare; otherwise an exercise-mode incident is opened and the console runs the drill.
import type { Command } from 'commander';
import { renderHandoutMarkdown } from '../report/aar-markdown.js';
import { audienceText, checkSpeed, fillLenient, formatOffset, scheduleDrill, seedFrom, usageError, sanitizeLine, type ScheduledInject } from '../core/index.js';
import { findScenario, resolveParams, type Scenario } from '../scenarios/index.js';
import { loadCliCatalog } from './catalog.js';
import type { CliContext } from './context.js';
import { parseParams } from './incident-commands.js';
import { requireTerminal } from './console-command.js';
import { registerExerciseInject } from './exercise-inject-command.js';
import type { Register } from './main.js';
import { moduleStarts } from './exercise-debrief-commands.js';

export interface DrillPlan {
  scenario: Scenario;
  params: Record<string, string>;
  speed: number;
  seed?: number;
  schedule: ScheduledInject[];
}

export interface ExerciseOptions {
  speed?: string;
  param?: string[];
  seed?: string;
}

/** Drills run on the params' example values unless told otherwise: a tabletop needs no real resource names. */
export function planDrill(ctx: CliContext, scenarioId: string, opts: ExerciseOptions): DrillPlan {
  const scenario = findScenario(loadCliCatalog(ctx), scenarioId);
  const examples = Object.fromEntries(Object.entries(scenario.params).map(([k, p]) => [k, p.example]));
  const params = resolveParams(scenario, { ...examples, ...parseParams(opts.param ?? []) });
  const speed = opts.speed === undefined ? 1 : checkSpeed(Number(opts.speed));
  if (scenario.injects.length === 0) throw usageError(`scenario ${scenario.id} has no injects to drill (add some under "injects:" in its runbook)`);
  const seed = opts.seed === undefined ? undefined : seedFrom(opts.seed);
  return { scenario, params, speed, ...(seed !== undefined ? { seed } : {}), schedule: scheduleDrill(scenario.injects, params, seed) };
}

export function formatScript(plan: DrillPlan): string[] {
  const lines = [
    `Exercise script: ${sanitizeLine(plan.scenario.title)} (${plan.scenario.id})`,
    `speed x${plan.speed}${plan.seed !== undefined ? `, seed ${plan.seed}` : ''}; ${plan.schedule.length} injects; params ${Object.entries(plan.params).map(([k, v]) => `${k}=${sanitizeLine(v)}`).join(' ')}`,
    '',
  ];
  const modules = moduleStarts(plan.scenario.exercise_modules);
  for (const i of plan.schedule) {
    const real = plan.speed === 1 ? '' : `  (real ${formatOffset(i.atSeconds / plan.speed).slice(2)})`;
    const module = modules(i.inject);
    if (module) lines.push(`-- ${sanitizeLine(module.title)} (module ${module.id})`);
    const audience = i.audience?.length || i.channel ? ` (for ${sanitizeLine(audienceText(i.audience, i.channel))})` : '';
    lines.push(`${formatOffset(i.atSeconds).padEnd(9)}${real}  [${i.kind}]${audience} ${sanitizeLine(i.text)}`);
    lines.push(`          facilitator: ${sanitizeLine(i.facilitator)}`);
    for (const q of [...(module?.questions ?? []), ...(i.inject.questions ?? [])]) lines.push(`          asks ${q.id}: ${sanitizeLine(q.text)}`);
  }
  return lines;
}

/** The situation manual players get before the drill: nothing from the script. */
export function handoutOf(plan: DrillPlan): string {
  const s = plan.scenario;
  return renderHandoutMarkdown({
    title: s.title,
    scenarioId: s.id,
    summary: s.summary,
    impact: s.impact,
    services: s.services,
    objectives: s.exercise_objectives,
    steps: s.steps.map((st) => ({ id: st.id, title: fillLenient(st.title, plan.params) })),
    params: plan.params,
  });
}

export type DrillLauncher = (ctx: CliContext, plan: DrillPlan, incidentId: string) => Promise<number>;

export function registerExerciseCommands(launch: DrillLauncher): Register {
  return (program: Command, run) => {
    const exercise = program
      .command('exercise')
      .description('run a tabletop exercise on a runbook against the simulated AWS (--script prints the schedule only)')
      .argument('<scenario>', 'scenario id (see "warroom scenarios list")')
      .option('--speed <n>', 'exercise clock speed, x1 to x60', '1')
      .option('--param <key=value...>', 'scenario params (default: the runbook examples)')
      .option('--seed <s>', 'vary inject times reproducibly: the same seed gives the same drill')
      .option('--script', 'print the drill schedule (inject times and content) without starting it')
      .option('--json', 'with --script: print the schedule as JSON')
      .option('--handout', "print the players' situation manual (Markdown): the scenario, objectives and runbook, with no inject or facilitator line")
      .action(
        run(async (ctx, scenarioId: string, opts: ExerciseOptions & { script?: boolean; json?: boolean; handout?: boolean }) => {
          const plan = planDrill(ctx, scenarioId, opts);
          if (opts.handout) return ctx.out(handoutOf(plan));
          if (opts.script) {
            if (opts.json) {
              const schedule = plan.schedule.map(({ inject: _raw, ...rest }) => rest);
              return ctx.out(JSON.stringify({ scenario: plan.scenario.id, speed: plan.speed, seed: plan.seed ?? null, params: plan.params, schedule }, null, 2));
            }
            return ctx.out(formatScript(plan).join('\n'));
          }
          requireTerminal(); // before anything is written: a drill nobody can run is no drill
          const first = await ctx.store().create(
            {
              title: `Exercise: ${plan.scenario.title}`,
              severity: plan.scenario.severity_hint ?? 'SEV2',
              mode: 'exercise',
              scenarios: [plan.scenario.id],
              params: plan.params,
            },
            ctx.actor,
          );
          const id = String(first.data.id);
          // As a drill set up in the console: the scenario's impact starts now and the incident is declared,
          // so the banner's RTO and the report's update cadence run from the start of the drill.
          const now = new Date(ctx.clock.now()).toISOString();
          await ctx.store().append(
            id,
            [
              { kind: 'milestone.set', data: { milestone: 'impact-started', at: now, backdated: false } },
              { kind: 'milestone.set', data: { milestone: 'declared', at: now, backdated: false } },
              { kind: 'status.changed', data: { status: 'declared' } },
            ],
            ctx.actor,
          );
          return launch(ctx, plan, id);
        }),
      );
    registerExerciseInject(exercise, run);
  };
}
