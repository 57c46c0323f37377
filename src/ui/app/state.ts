// The console's whole state: one plain value the reducer replaces and the views read.
import type { AlarmTransition, ProbeResult } from '../../aws/ports.js';
import type { DrillRole, DrillSession, IncidentState, NewEvent, ScheduledInject, SyncMark, TimelineEvent } from '../../core/index.js';
import type { TimelineSource, UiIncidentSummary, UiService } from '../deps.js';
import type { Layer } from '../keymap.js';
import type { UiScenario } from '../scenario.js';
import type { FieldState, FieldStep } from './field.js';
import type { AlarmsView, MetricsView } from './pane-reads.js';

export const PANES = ['checklist', 'metrics', 'alarms', 'timeline', 'comms'] as const;
export type PaneId = (typeof PANES)[number];

export interface IncidentView {
  id: string;
  events: TimelineEvent[];
  incident: IncidentState;
  offset: number;
  pane: PaneId;
  /** Checklist, metrics and alarms: the selected row. Timeline: events hidden below (0 = following the newest). */
  cursor: Record<PaneId, number>;
  filter: string;
  metrics: MetricsView;
  alarms: AlarmsView & { recent: AlarmTransition[] };
  probes: Record<string, { running: boolean; result?: ProbeResult; at: number }>;
  /** Per metric, the newest point (ms) this terminal has recorded, until the journal echoes it back. */
  snapshots?: Record<string, number>;
  /** Why the journal fails verification, from its first bad seq; shown until the incident is closed in this view. */
  chainProblem?: string;
  /** The last command copied, printed in full. */
  copied?: string;
  /** A shared incident's sync mark, as the runner last read it. */
  sync?: SyncMark;
  /** In a drill, events this console's role must not see (injects aimed at others, injects written for later). */
  hidden?: ReadonlySet<number>;
  /** Levels this console has asked to page automatically, so a tick does not ask twice. */
  autoPaged?: readonly string[];
  /** The timeline read from the journal a window at a time; `events` then holds only what other panes read. */
  timeline?: TimelineSource;
  /** The filter's matches in `timeline` (line numbers), as far as the scan has got. */
  search?: { filter: string; hits: readonly number[]; scanned: number; done: boolean };
}

export type PromptPurpose =
  | 'drill-handover'
  | 'drill-end'
  | 'drill-mark'
  | 'drill-script'
  | 'drill-answer'
  | 'drill-hotwash'
  | 'drill-plan'
  | 'drill-add'
  | 'note'
  | 'decision'
  | 'action-item'
  | 'role'
  | 'milestone'
  | 'severity'
  | 'status'
  | 'skip'
  | 'fail'
  | 'filter'
  | 'confirm-action'
  | 'confirm-copy'
  | 'palette'
  | 'scenario'
  | 'scenario-params'
  | 'step-params'
  | 'draft-line'
  | 'review-section';

export interface PromptModal {
  kind: 'prompt';
  purpose: PromptPurpose;
  title: string;
  steps: FieldStep[];
  index: number;
  field: FieldState;
  answers: Record<string, string>;
  /** Context the prompt acts on: a step key, an action target, the layers the palette was opened from. */
  context: Record<string, string>;
  paletteLayers?: Layer[];
}

export type Modal =
  | { kind: 'help'; layers: Layer[]; scroll: number }
  | { kind: 'confirm'; purpose: 'quit' | 'discard'; text: string }
  | { kind: 'confirm'; purpose: 'resolve' | 'after-resolved' | 'review-close'; text: string; events: NewEvent[] }
  | { kind: 'draft'; text: string; updateKind: string; edited?: boolean }
  | { kind: 'view'; title: string; text: string; scroll: number }
  /** The postmortem review: its sections, the selected one shown whole with its draft. */
  | { kind: 'review'; cursor: number }
  | PromptModal;

export interface DeclareState {
  mode: 'live' | 'exercise';
  /** quick: one line, Enter declares (`n`); guided: the triage questions (`N`). Absent means guided. */
  flow?: 'quick' | 'guided';
  /** Lines pasted after a title's first line: recorded as a note when the incident is declared. */
  details?: string;
  answers: Record<string, string>;
  index: number;
  field: FieldState;
  creating: boolean;
}

export interface Toast {
  text: string;
  tone: 'ok' | 'warn' | 'crit' | 'muted';
  at: number;
}

/**
 * The drill of the open exercise as this console sees it, rebuilt from the record (core/drill-record.ts). Only
 * the controller's console fires injects; `facilitator` (the controller) shows the facilitator's lines.
 */
export interface DrillView {
  incidentId: string;
  session: DrillSession;
  facilitator: boolean;
  role: DrillRole;
  ended?: { atSeconds: number; reason: 'ended' | 'resolved' };
  /** Real time at which simulated time 0 fell: the exercise AWS ages from here. */
  startedAt: number;
  lastFired?: ScheduledInject;
}

export interface AppConfig {
  actor: string;
  allowActions: boolean;
  awsConnected: boolean;
  modeLabel: string;
  /** Which AWS the panes read (the ports' own description), so each pane can name its source and a
   * confirmation names where an action acts before anyone types. */
  aws?: { mode: 'live' | 'simulated'; region: string; drRegion?: string; account?: string; profile?: string };
  /** The regions of the simulated AWS that exercises run on, when it is a different one. */
  exerciseAws?: { region: string; drRegion?: string };
  catalogProblems: readonly string[];
  /** Escalation levels paged automatically when due (the profile's channels `auto_page`). */
  autoPage?: readonly string[];
  /** Where a copied command's JSON files are written, per incident. */
  filesDir?: string;
  /** The role this console joins drills in (--role); the controller is whoever holds the drill's lease. */
  drillRole?: Exclude<DrillRole, 'controller'>;
  /** This console instance: the drill's lease names it, so another terminal of the same person is not the controller. */
  consoleId?: string;
}

export interface AppState {
  now: number;
  cols: number;
  rows: number;
  screen: 'home' | 'declare' | 'incident';
  home: { incidents: UiIncidentSummary[]; cursor: number; loading: boolean; error?: string; listedAt?: number };
  declare?: DeclareState;
  /** A declaration left with Esc: `n` (or `N`, `d`) picks it up again where it was. */
  declareDraft?: DeclareState;
  /** The incident this actor last had open (remembered across starts): the home screen offers it. */
  lastIncident?: string;
  /** The service profile's service, when the console found one. */
  service?: UiService;
  incident?: IncidentView;
  modals: Modal[];
  toast?: Toast;
  catalog: readonly UiScenario[];
  /** The catalog is still being read (it arrives in a catalog.loaded message, after the first frame). */
  catalogPending?: boolean;
  /** Names of alarms now in ALARM, for triage ranking (empty when AWS is not connected). */
  firingAlarms: string[];
  config: AppConfig;
  drill?: DrillView;
  /** A drill to start once its incident opens (`warroom exercise`, or a drill set up on the home screen). */
  pendingDrill?: { incidentId?: string; speed: number; seed?: number; facilitator: boolean };
}

export const MIN_COLS = 80;
export const MIN_ROWS = 24;
export const tooSmall = (s: Pick<AppState, 'cols' | 'rows'>) => s.cols < MIN_COLS || s.rows < MIN_ROWS;

export function initialState(opts: { now: number; cols: number; rows: number; catalog: readonly UiScenario[]; catalogPending?: boolean; config: AppConfig }): AppState {
  return {
    now: opts.now,
    cols: opts.cols,
    rows: opts.rows,
    screen: 'home',
    home: { incidents: [], cursor: 0, loading: true },
    modals: [],
    catalog: opts.catalog,
    ...(opts.catalogPending ? { catalogPending: true } : {}),
    firingAlarms: [],
    config: opts.config,
  };
}
