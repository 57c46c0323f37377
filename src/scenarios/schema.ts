// The runbook format. This zod schema is the single source of the Scenario type, of load-time validation
// and of the JSON Schema that editors use (`warroom scenarios schema`).
import * as z from 'zod';
import { argValue, ActionSpec, MetricSpec, SEVERITIES, VerifySpec, type ObjectiveTarget } from '../core/index.js';
import { DURATION_PATTERN, parseDuration } from './durations.js';
import { patternProblem } from './pattern.js';
import { checkReferences, INCIDENT_FIELDS } from './references.js';

export { INCIDENT_FIELDS };

export const CATEGORIES = ['infrastructure', 'data', 'security', 'application'] as const;
export const ROLES = [
  'incident-commander',
  'operations-lead',
  'dba',
  'application-engineer',
  'security',
  'communications-lead',
  'scribe',
  'facilitator',
] as const;
export const INJECT_KINDS = ['alarm', 'metric', 'resource', 'message', 'fact'] as const;
export const INJECT_CHANNELS = ['email', 'media', 'pager'] as const;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and "-" (e.g. restore-table)');
const ParamName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a param name is lower-case letters, digits and "_" (e.g. target_table)');
const Text = z.string().trim().min(1, 'must not be empty');
/** YAML reads `example: 5` as a number; a param value is always text. */
const ParamValue = z.union([z.string().min(1, 'must not be empty'), z.number()]).transform(String);

const Duration = z
  .union([z.literal(0), z.string().regex(DURATION_PATTERN, 'a duration is a number and a unit: "30s", "15m", "2h", "1d", or 0')])
  .transform((v) => (v === 0 ? 0 : parseDuration(v)!))
  .meta({ description: 'a duration: "30s", "15m", "2h", "1d", or 0' });

export const ObjectiveSchema = z
  .strictObject({
    component: Text.meta({ description: 'what the target is for, as in the plan table, e.g. "DynamoDB"' }),
    rto: Duration.optional(),
    rpo: Duration.optional(),
    rpo_by_design: z.boolean().optional().meta({ description: 'true when the RPO holds by design (synchronous Multi-AZ) and is stated, not measured' }),
    note: z.string().optional(),
    plan: Text.optional().meta({ description: 'the plan the target comes from (a key of `sources`); one plan per runbook, so one organisation\'s targets per incident' }),
    estimate: Text.optional().meta({ description: 'how long the plan expects recovery to take: shown as an estimate, never measured as a target' }),
  })
  .transform((o): ObjectiveTarget => {
    const target: ObjectiveTarget = { component: o.component };
    if (o.plan !== undefined) target.plan = o.plan;
    if (o.estimate !== undefined) target.estimate = o.estimate;
    if (o.rto !== undefined) target.rto_seconds = o.rto;
    if (o.rpo !== undefined) target.rpo_seconds = o.rpo;
    if (o.rpo_by_design !== undefined) target.rpo_by_design = o.rpo_by_design;
    if (o.note !== undefined) target.note = o.note;
    return target;
  });

export const ParamSchema = z.strictObject({
  description: Text,
  pattern: z
    .string()
    .superRefine((p, ctx) => {
      const why = patternProblem(p);
      if (why) ctx.addIssue({ code: 'custom', message: why });
    })
    .optional()
    .meta({ description: 'a regular expression (RE2 syntax: no back-references or look-around) the whole value must match' }),
  example: ParamValue.meta({ description: 'a realistic value; commands are checked with it filled in' }),
  default: ParamValue.optional().meta({ description: 'used when the param is not given' }),
});

export const StepSchema = z.strictObject({
  id: Id,
  title: Text,
  role: z.enum(ROLES),
  instructions: Text,
  command: Text.optional().meta({ description: 'a shell command the operator copies; {{param}} placeholders are filled' }),
  verify: VerifySpec.optional().meta({ description: 'a read-only AWS check that tells when the step has worked' }),
  action: ActionSpec.optional().meta({ description: 'a mutating AWS call, run only after the operator types `confirm`' }),
  files: z
    .record(z.string().min(1), argValue)
    .optional()
    .meta({ description: 'the JSON files the command reads (file://NAME), by name; written by `scenarios render --write-files DIR`' }),
  depends_on: z.array(Id).default([]),
  expected_minutes: z.number().positive().optional(),
  caution: Text.optional().meta({ description: 'where the plan is wrong, unsafe or impossible as written: what to watch for; shown in colour and repeated in the report' }),
  destructive: z
    .strictObject({
      destroys: Text.meta({ description: 'what the step destroys, deletes, overwrites or disables, in words' }),
      confirm: Text.meta({ description: 'what the operator types before the command is copied or the action runs, e.g. "{{table}}"' }),
    })
    .optional()
    .meta({ description: 'marks a step that destroys, deletes, overwrites or disables something: copying its command needs the same typed confirmation as an AWS action' }),
});

const QuestionSchema = z.strictObject({
  id: Id.meta({ description: 'unique among the runbook\'s questions; answers name it (`warroom exercise answer ID QUESTION TEXT`)' }),
  text: Text.meta({ description: 'the question participants discuss and answer' }),
});

export const InjectSchema = z.strictObject({
  id: Id,
  at_seconds: z.number().int().nonnegative().meta({ description: 'offset from the start of the exercise' }),
  kind: z.enum(INJECT_KINDS),
  text: Text.meta({ description: 'what participants see' }),
  facilitator: Text.meta({ description: 'what the facilitator says' }),
  alarm: Text.optional().meta({ description: 'kind alarm: the alarm name that changes state' }),
  state: z.enum(['ALARM', 'OK']).optional(),
  metric: z
    .strictObject({
      id: z.string().min(1).meta({ description: 'the id of one of this scenario\'s metrics' }),
      to: z.number(),
      over_seconds: z.number().int().nonnegative().default(0),
    })
    .optional(),
  resource: Text.optional().meta({ description: 'kind resource: the resource that reaches its target state (e.g. a restored table)' }),
  objective: Id.optional().meta({ description: 'the exercise objective (exercise_objectives[].id) this inject tests' }),
  audience: z
    .array(Text)
    .optional()
    .meta({ description: 'who sees it: drill roles (player, evaluator, observer), incident roles as assigned in the drill (e.g. comms-lead) or @name; everyone when absent (the controller and evaluators always see it)' }),
  channel: z
    .union([
      z.enum(INJECT_CHANNELS),
      z.strictObject({
        kind: z.enum(INJECT_CHANNELS),
        from: Text.optional().meta({ description: 'the sender (email), the outlet (media) or the paging service (pager)' }),
        subject: Text.optional().meta({ description: 'the subject (email), the headline (media) or the summary (pager)' }),
      }),
    ])
    .optional()
    .meta({ description: 'how it reaches its audience: a mock email, a news item (media) or a page; a plain message when absent' }),
  expect: z
    .array(
      z.strictObject({
        text: Text.meta({ description: 'the response expected, as the evaluator reads it' }),
        role: z.enum(['player', 'evaluator', 'observer']).default('player'),
        kinds: z.array(z.string().min(1)).default([]).meta({ description: 'timeline event kinds that count as the response (any act when empty)' }),
        within_seconds: z.number().int().positive().optional().meta({ description: 'drill time allowed after the inject' }),
      }),
    )
    .default([]),
  module: Id.optional().meta({ description: 'the module (exercise_modules[].id) this inject belongs to' }),
  questions: z.array(QuestionSchema).default([]).meta({ description: 'discussion questions asked when this inject fires' }),
});

export const ExerciseModuleSchema = z.strictObject({
  id: Id,
  title: Text.meta({ description: 'the module as participants see it, e.g. "Module 1: detection and ownership"' }),
  questions: z.array(QuestionSchema).default([]).meta({ description: 'asked when the module\'s first inject fires' }),
});

export const AlarmSchema = z.strictObject({
  name: Text.meta({ description: 'the CloudWatch alarm name, as injects and DescribeAlarms name it; {{param}} placeholders are filled' }),
  metric: z.string().min(1).meta({ description: 'the id of the metric pane (one of `metrics`) the alarm watches' }),
  threshold: z.number().optional().meta({ description: "the alarm's threshold (default: the pane's warning level, else its critical level)" }),
  comparison: z.enum(['above', 'below']).optional().meta({ description: "which side of the threshold is ALARM (default: the pane's bad_when)" }),
});

export const ExerciseObjectiveSchema = z.strictObject({
  id: Id,
  text: Text.meta({ description: 'what the exercise sets out to show, e.g. "Restore the table within the RTO"' }),
  capability: Text.meta({ description: 'the capability it exercises (the AAR groups its analysis by it)' }),
});

export const CommsSchema = z.strictObject({
  first_update_minutes: z.number().positive().default(5),
  cadence_minutes: z.number().positive().default(30),
  templates: z
    .strictObject({ initial: Text, update: Text, resolution: Text })
    .meta({ description: `placeholders: the scenario's params and the incident fields ${INCIDENT_FIELDS.join(', ')}` }),
  escalation: z
    .array(z.strictObject({ level: z.number().int().positive(), after_minutes: z.number().nonnegative(), who: Text }))
    .min(1, 'give at least one escalation level'),
  channels: z.array(Text).default([]).meta({ description: 'where the plan says the incident is worked and announced (names and numbers belong in the service profile)' }),
  stakeholders: z
    .array(z.strictObject({ who: Text, how: Text, when: Text }))
    .default([])
    .meta({ description: 'the plan\'s stakeholder matrix: who is told, how, and how soon' }),
});

export const DetectionSchema = z.strictObject({
  alarms: z.array(Text).default([]).meta({ description: 'alarm-name glob patterns, e.g. "*-dynamodb-throttles"' }),
  metrics: z.array(Text).default([]).meta({ description: 'metric conditions, as text' }),
  symptoms: z.array(Text).default([]),
  keywords: z.array(Text).default([]),
  drill: z.boolean().default(false).meta({ description: 'a scheduled exercise: triage offers it only when declaring a drill, never for a live incident' }),
});

export const ScenarioSchema = z
  .strictObject({
    id: Id,
    title: Text,
    summary: Text,
    category: z.enum(CATEGORIES),
    services: z.array(Text).min(1, 'name at least one service'),
    sources: z.array(Text).min(1, 'name the plan(s) this scenario comes from'),
    severity_hint: z.enum(SEVERITIES).optional(),
    cadence: Duration.optional().meta({ description: 'a scheduled drill\'s cadence, from its plan ("7d" weekly, "30d" monthly, "90d" quarterly, "365d" annually); `warroom drills due` lists the overdue ones' }),
    detection: DetectionSchema,
    impact: Text,
    objectives: z.array(ObjectiveSchema).default([]),
    params: z.record(ParamName, ParamSchema).default({}),
    steps: z.array(StepSchema).min(1, 'a scenario needs at least one step'),
    metrics: z.array(MetricSpec).default([]),
    alarms: z.array(AlarmSchema).default([]).meta({ description: 'the CloudWatch alarms of the service and the metric pane each watches: a drill moves them together' }),
    comms: CommsSchema,
    post_checks: z.array(Text).default([]),
    injects: z.array(InjectSchema).default([]),
    exercise_objectives: z.array(ExerciseObjectiveSchema).default([]),
    exercise_modules: z.array(ExerciseModuleSchema).default([]).meta({ description: 'groups of injects, each with discussion questions asked when its first inject fires' }),
  })
  .superRefine(checkReferences, { when: () => true });

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioStep = Scenario['steps'][number];
export type ScenarioParam = z.output<typeof ParamSchema>;
export type ScenarioInject = z.output<typeof InjectSchema>;
export type ScenarioAlarm = z.output<typeof AlarmSchema>;
