// The debrief from a shell or a script, as in the console: `warroom exercise questions | answer | hotwash |
// feedback | plan ID ...`. Each is decided in core on the drill as recorded, so a refusal is the console's too.
import type { Command } from 'commander';
import {
  buildAar,
  decideAnswer,
  decideDrill,
  decideHotwash,
  decidePlan,
  foldAnswers,
  foldDrill,
  openQuestions,
  PLAN_FIELDS,
  questionsAsked,
  roleOf,
  sanitizeLine,
  usageError,
  type ExerciseModule,
  type NewEvent,
  type PlanSetting,
  type TimelineEvent,
} from '../core/index.js';
import { findScenario, type Scenario } from '../scenarios/index.js';
import { loadCliCatalog } from './catalog.js';
import type { CliContext } from './context.js';
import type { Register } from './main.js';

const JOIN_ROLES = ['player', 'evaluator', 'observer'] as const;
type JoinRole = (typeof JOIN_ROLES)[number];

interface Drill {
  events: TimelineEvent[];
  scenarios: Scenario[];
}

function loadDrill(ctx: CliContext, id: string): Drill {
  const loaded = ctx.store().load(id);
  if (loaded.state.mode !== 'exercise') throw usageError(`${id} is a live incident, not a drill (the debrief is for exercises)`);
  const catalog = loadCliCatalog(ctx);
  return { events: loaded.events, scenarios: loaded.state.scenarios.map((s) => findScenario(catalog, s)) };
}

const injectsOf = (d: Drill) => d.scenarios.flatMap((s) => s.injects);
const modulesOf = (d: Drill) => d.scenarios.flatMap((s) => s.exercise_modules);
const refused = (why: string) => usageError(why.replace(/^drill: /, ''));

/** Joins the drill first when asked to (--role) and not yet in it: a participant answering from a script. */
function joining(d: Drill, actor: string, role: string | undefined): NewEvent[] {
  if (role === undefined) return [];
  if (!(JOIN_ROLES as readonly string[]).includes(role)) throw usageError(`--role ${role} is not a drill role (use player, evaluator or observer)`);
  const record = foldDrill(d.events);
  if (roleOf(record, actor)) return [];
  return decideDrill(record, [], actor, 0, { kind: 'join', role: role as JoinRole }).events;
}

/** The record as it will be once the join is on it, for deciding what follows in the same append. */
function withJoin(d: Drill, actor: string, join: NewEvent[], now: number): TimelineEvent[] {
  const head = d.events.at(-1)?.seq ?? 0;
  return [...d.events, ...join.map((e, i) => ({ seq: head + i + 1, ts: new Date(now).toISOString(), actor, kind: e.kind, data: e.data as Record<string, unknown>, prev: '', hash: '' }))];
}

async function answerAll(ctx: CliContext, id: string, answers: [string, string][], role: string | undefined): Promise<number> {
  const d = loadDrill(ctx, id);
  const now = ctx.clock.now();
  const join = joining(d, ctx.actor, role);
  let events = withJoin(d, ctx.actor, join, now);
  const out: NewEvent[] = [...join];
  const said: string[] = [];
  for (const [question, text] of answers) {
    const record = foldDrill(events);
    const decision = decideAnswer(record, events, questionsAsked(record, injectsOf(d), modulesOf(d)), ctx.actor, now, question, text);
    if (decision.refused) throw refused(decision.refused);
    events = withJoin({ ...d, events }, ctx.actor, decision.events, now);
    out.push(...decision.events);
    said.push(decision.said ?? `answered ${question}`);
  }
  const written = await ctx.store().append(id, out, ctx.actor);
  const last = written.slice(join.length);
  said.forEach((line, i) => ctx.out(`${sanitizeLine(line)} (seq ${last[i]!.seq})`));
  return 0;
}

/** For the script: the module an inject starts (the first of its module in schedule order), once. */
export function moduleStarts(modules: readonly ExerciseModule[]): (inject: { module?: string | undefined }) => ExerciseModule | undefined {
  const started = new Set<string>();
  return (inject) => {
    const m = inject.module ? modules.find((x) => x.id === inject.module) : undefined;
    if (!m || started.has(m.id)) return undefined;
    started.add(m.id);
    return m;
  };
}

export function registerExerciseDebriefCommands(): Register {
  return (program: Command, run) => {
    const exercise = program.commands.find((c) => c.name() === 'exercise');
    if (!exercise) throw new Error('the exercise command must be registered before its debrief');
    const roleOption = '--role <role>';
    const roleHelp = 'join the drill in this role first if not in it yet (player, evaluator, observer)';

    exercise
      .command('questions')
      .description('list the questions you can answer now (discussion questions asked so far; the hotwash and feedback once it is open), with your answers')
      .argument('<id>', 'exercise incident id')
      .option(roleOption, roleHelp)
      .action(
        run(async (ctx, id: string, opts: { role?: string }) => {
          const d = loadDrill(ctx, id);
          const join = joining(d, ctx.actor, opts.role);
          if (join.length) await ctx.store().append(id, join, ctx.actor);
          const events = withJoin(d, ctx.actor, join, ctx.clock.now());
          const record = foldDrill(events);
          const mine = foldAnswers(events).filter((a) => a.actor === ctx.actor);
          const open = openQuestions(record, events, questionsAsked(record, injectsOf(d), modulesOf(d)));
          if (open.length === 0) return ctx.out('no question has been asked yet');
          for (const { question, form } of open) {
            const a = mine.find((x) => x.question === question.id);
            ctx.out([question.id, form, a ? `answered [#${a.seq}]: ${sanitizeLine(a.text)}` : 'not answered', sanitizeLine(question.text)].join('\t'));
          }
          return 0;
        }),
      );

    exercise
      .command('answer')
      .description('answer a question of the drill as yourself (a second answer amends the first; see "exercise questions")')
      .argument('<id>', 'exercise incident id')
      .argument('<question>', 'question id')
      .argument('<text...>', 'your answer')
      .option(roleOption, roleHelp)
      .action(run(async (ctx, id: string, question: string, text: string[], opts: { role?: string }) => answerAll(ctx, id, [[question, text.join(' ')]], opts.role)));

    exercise
      .command('hotwash')
      .description('the controller opens the hotwash; with --strengths / --improvements, a participant answers it')
      .argument('<id>', 'exercise incident id')
      .option('--strengths <text>', 'what went well')
      .option('--improvements <text>', 'what should change, and why')
      .option(roleOption, roleHelp)
      .action(
        run(async (ctx, id: string, opts: { strengths?: string; improvements?: string; role?: string }) => {
          const answers: [string, string][] = [];
          if (opts.strengths !== undefined) answers.push(['hotwash-strengths', opts.strengths]);
          if (opts.improvements !== undefined) answers.push(['hotwash-improvements', opts.improvements]);
          if (answers.length) return answerAll(ctx, id, answers, opts.role);
          const d = loadDrill(ctx, id);
          const decision = decideHotwash(foldDrill(d.events), d.events, ctx.actor, ctx.clock.now());
          if (decision.refused) throw refused(decision.refused);
          const [e] = await ctx.store().append(id, decision.events, ctx.actor);
          ctx.out(`${sanitizeLine(decision.said ?? 'hotwash opened')} (seq ${e!.seq})`);
          return 0;
        }),
      );

    exercise
      .command('feedback')
      .description('the participant feedback form: a rating of the exercise from 1 to 5 and three comments')
      .argument('<id>', 'exercise incident id')
      .option('--rating <n>', 'the exercise overall, 1 (poor) to 5 (excellent)')
      .option('--most-useful <text>', 'what was most useful')
      .option('--change <text>', 'what you would change about the exercise')
      .option('--improvement <text>', 'the single most important improvement for your team')
      .option(roleOption, roleHelp)
      .action(
        run(async (ctx, id: string, opts: { rating?: string; mostUseful?: string; change?: string; improvement?: string; role?: string }) => {
          const given: [string, string | undefined][] = [
            ['feedback-rating', opts.rating],
            ['feedback-most-useful', opts.mostUseful],
            ['feedback-change', opts.change],
            ['feedback-top-improvement', opts.improvement],
          ];
          const answers = given.filter((g): g is [string, string] => g[1] !== undefined);
          if (answers.length === 0) throw usageError('nothing to record (give --rating, --most-useful, --change or --improvement)');
          return answerAll(ctx, id, answers, opts.role);
        }),
      );

    exercise
      .command('plan')
      .description("the improvement plan's rows; with ROW and options, an evaluator or the controller sets its owner, organisation, dates or status")
      .argument('<id>', 'exercise incident id')
      .argument('[row]', 'the row (as listed without it)')
      .option('--action <text>', 'the corrective action agreed')
      .option('--owner <name>', 'who owns the corrective action')
      .option('--organisation <name>', 'the organisation responsible')
      .option('--start <date>', 'start date, YYYY-MM-DD')
      .option('--completion <date>', 'completion date, YYYY-MM-DD')
      .option('--status <text>', 'e.g. Not started, In progress, Complete')
      .action(
        run(async (ctx, id: string, row: string | undefined, opts: PlanSetting) => {
          const d = loadDrill(ctx, id);
          const loaded = ctx.store().load(id);
          const first = d.scenarios[0];
          if (!first) throw usageError(`${id} names no scenario, so there is no script and no plan (choose one in the console with C)`);
          const aar = buildAar({
            state: loaded.state,
            events: d.events,
            scenario: { id: first.id, title: first.title, summary: first.summary, impact: first.impact },
            injects: injectsOf(d),
            objectives: d.scenarios.flatMap((s) => s.exercise_objectives),
            modules: modulesOf(d),
          });
          if (row === undefined) {
            if (aar.plan.length === 0) return ctx.out('no area for improvement recorded yet');
            for (const p of aar.plan) ctx.out([p.key, sanitizeLine(p.issue), `action ${sanitizeLine(p.action)}`, `owner ${p.owner}`, `organisation ${p.organisation}`, `start ${p.start}`, `completion ${p.completion}`, p.status].join('\t'));
            return 0;
          }
          const given: PlanSetting = {};
          for (const f of PLAN_FIELDS) if (opts[f] !== undefined) given[f] = opts[f];
          const decision = decidePlan(foldDrill(d.events), d.events, aar.plan.map((p) => p.key), ctx.actor, row, given);
          if (decision.refused) throw refused(decision.refused);
          const [e] = await ctx.store().append(id, decision.events, ctx.actor);
          ctx.out(`improvement plan row ${sanitizeLine(row)} set (seq ${e!.seq})`);
          return 0;
        }),
      );
  };
}
