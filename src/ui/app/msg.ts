// Messages the reducer handles (keys, ticks, effect results) and the effects it asks the runner to run.
import type { ActionResult, AlarmState, AlarmTransition, AwsFailure, MetricSeries, ProbeResult, RecoveryPoint } from '../../aws/ports.js';
import type { ActionSpec, DrillAct, ExerciseClock, IncidentState, MetricSpec, NewEvent, RecoveryTarget, SyncMark, TimelineEvent, VerifySpec } from '../../core/index.js';
import type { IncidentOpening, IncidentSetup, TimelineSource, UiIncidentSummary, UiService } from '../deps.js';
import type { KeyName } from '../keys.js';
import type { UiScenario } from '../scenario.js';

export type Msg =
  /** `at`: when the key was pressed (read through the Clock port), so a drill control is timed to the press, not the last tick. */
  | { type: 'key'; key: KeyName; at?: number }
  | { type: 'paste'; text: string }
  | { type: 'tick'; now: number }
  | { type: 'resize'; cols: number; rows: number }
  | { type: 'catalog.loaded'; scenarios: readonly UiScenario[]; problems: readonly string[]; service?: UiService }
  | { type: 'incidents.listed'; incidents: UiIncidentSummary[] }
  | { type: 'incidents.failed'; message: string }
  | { type: 'incident.loaded'; id: string; events: TimelineEvent[]; offset: number; chainProblem?: string; state?: IncidentState; timeline?: TimelineSource }
  | { type: 'incident.failed'; message: string }
  | { type: 'incident.created'; id: string }
  | { type: 'journal.events'; id: string; events: TimelineEvent[]; offset: number; problem?: string }
  | { type: 'timeline.searched'; id: string; filter: string; hits: readonly number[]; scanned: number; done: boolean }
  | { type: 'sync.mark'; id: string; mark: SyncMark }
  | { type: 'comms.preview'; lines: string[] }
  | { type: 'comms.paged'; level: string; result: { already: boolean; channels: string[]; exercise: boolean } | { error: string } }
  | { type: 'append.failed'; message: string }
  | { type: 'metrics.fetched'; series: MetricSeries[]; at: number }
  | { type: 'metrics.failed'; message: string; at: number }
  | { type: 'alarms.polled'; alarms: AlarmState[]; transitions: AlarmTransition[]; errors?: AwsFailure[]; regions?: string[]; at: number }
  | { type: 'alarms.failed'; message: string; at: number }
  | { type: 'probe.done'; key: string; result: ProbeResult }
  | { type: 'action.done'; incidentId: string; actionId: string; result: ActionResult & { outcome?: string; region?: string; account?: string } }
  | { type: 'action.progress'; actionId: string; line: string }
  | { type: 'exported'; incidentId: string; path: string; format: string; draft: boolean }
  | { type: 'comms.written'; path: string }
  | { type: 'effect.failed'; what: string; message: string }
  | { type: 'warning'; message: string }
  /** A drill act whose append found the timeline moved on: decide it again on the record as now read. */
  | { type: 'drill.retry'; act: DrillAct; attempt: number }
  | { type: 'recovery-points.read'; id: string; targets: RecoveryTarget[]; points: RecoveryPoint[]; errors: string[] };

export type Effect =
  | { type: 'list-incidents' }
  | { type: 'load-incident'; id: string }
  | { type: 'create-incident'; opening: IncidentOpening; followUps: NewEvent[] }
  | { type: 'append'; id: string; events: NewEvent[] }
  /** A drill decision: appended only onto `afterSeq`, the head it was decided on (else decided again). */
  | { type: 'drill-append'; id: string; events: NewEvent[]; afterSeq: number; quiet: boolean; act: DrillAct; attempt: number }
  | { type: 'prepare-aws'; setup: IncidentSetup }
  /** `replay`: an inject fired before this console opened the drill, applied again without a word. */
  | { type: 'apply-inject'; setup: IncidentSetup; inject: string; replay?: boolean }
  | { type: 'follow'; id: string; offset: number }
  /** Scans the windowed timeline for `filter` from line `from` on; hits found before `from` are `kept`. */
  | { type: 'search-timeline'; id: string; source: TimelineSource; filter: string; from: number; kept: readonly number[] }
  | { type: 'unfollow' }
  | { type: 'watch-aws'; metrics: MetricSpec[]; params: Record<string, string> }
  | { type: 'unwatch-aws' }
  | { type: 'poll-alarms-once' }
  | { type: 'run-probe'; key: string; spec: VerifySpec; params: Record<string, string> }
  /** The whole recorded lifecycle of an action (src/aws/recorded-action.ts): the runner appends its events. */
  | { type: 'run-action'; incidentId: string; actionId: string; spec: ActionSpec; params: Record<string, string>; confirmation: string; scenario: string; step: string; events: readonly TimelineEvent[] }
  | { type: 'copy'; text: string }
  | { type: 'write-files'; dir: string; files: Record<string, unknown> }
  | { type: 'write-comms'; id: string; text: string }
  | { type: 'preview-comms'; id: string; text: string; kind: string }
  | { type: 'page'; id: string; level: string; who: string }
  | { type: 'export'; id: string; draft: boolean }
  | { type: 'drill-clock'; clock: ExerciseClock | undefined; startedAt: number }
  | { type: 'read-recovery-points'; id: string; targets: RecoveryTarget[] }
  | { type: 'remember-incident'; id: string }
  /** interrupted: Ctrl+C, so the process ends with 130 as a shell expects (after the terminal is restored). */
  | { type: 'exit'; interrupted?: boolean };
