// Everything the console receives from the composition root. The UI sees the store as operations, the
// catalog as plain data and AWS through its ports; it never imports an adapter.
import type { AwsPorts } from '../aws/ports.js';
import type { runRecordedAction } from '../aws/recorded-action.js';
import type { IncidentSummary } from '../store/incident-store.js';
import type { Clock, ExerciseClock, IncidentState, NewEvent, TimelineEvent } from '../core/index.js';
import type { UiScenario } from './scenario.js';

/** An incident as the home screen lists it (the store's summary, without its cache bookkeeping). */
export type UiIncidentSummary = Omit<IncidentSummary, 'journalSize'>;

export type IncidentOpening = Omit<NewEvent<'incident.opened'>['data'], 'id'>;

export interface UiStore {
  list(): Promise<UiIncidentSummary[]>;
  /** The journal checked as it is read: `verification.firstBad` names the first event that fails the hash chain. */
  load(id: string): Promise<{ events: TimelineEvent[]; state: IncidentState; offset: number; verification?: { ok: boolean; firstBad?: { seq: number; message: string } } }>;
  /** With `afterSeq`, only onto that head (else a StaleHeadError): how a drill's controller appends its decisions. */
  append(id: string, events: readonly NewEvent[], opts?: { afterSeq?: number }): Promise<TimelineEvent[]>;
  /** Events any writer appended after `offset`, and the offset to resume from. */
  readSince(id: string, offset: number): Promise<{ events: TimelineEvent[]; offset: number }>;
  /** Declares: the opening event and what follows it (triage, scenario, milestones) in one write. */
  create(opening: IncidentOpening, followUps: readonly NewEvent[]): Promise<TimelineEvent>;
}

/** What the AWS side needs to know about the open incident: which AWS it runs on and what to seed. */
export interface IncidentSetup {
  mode: 'live' | 'exercise';
  scenarios: readonly string[];
  params: Readonly<Record<string, string>>;
}

export interface UiDeps {
  store: UiStore;
  scenarios: readonly UiScenario[];
  /** True when `scenarios` is empty only until a catalog.loaded message brings the catalog (after the first frame). */
  catalogPending?: boolean;
  /** Why the catalog is partial or missing, shown on the home screen. */
  catalogProblems: readonly string[];
  aws: AwsPorts;
  /** The simulated AWS exercise incidents run on: a drill never reaches real AWS. Defaults to `aws`. */
  exerciseAws?: AwsPorts;
  /** The one recorded path for an AWS action (src/aws/recorded-action.ts), handed in so the UI imports no adapter. */
  runAction?: typeof runRecordedAction;
  /** Seeds the simulated AWS with the incident's resources when it is opened or a scenario is added. */
  prepareIncident?(setup: IncidentSetup): void;
  /** Applies a drill inject to the exercise AWS (an alarm fires, a metric ramps); returns what changed. */
  applyInject?(setup: IncidentSetup, injectId: string): string | undefined;
  /** Keeps the exercise AWS on the drill's clock, so a restore takes simulated minutes at any speed. */
  setDrillClock?(clock: ExerciseClock | undefined, startedAt: number): void;
  /** False when the composition root has no AWS layer: panes say so instead of showing stale data. */
  awsConnected: boolean;
  clock: Clock;
  actor: string;
  allowActions: boolean;
  /** For the banner, e.g. "LIVE prod-admin eu-west-2" or "SIMULATED". */
  modeLabel: string;
  /** A status update just recorded (its comms.sent event): queue it for its channels; delivery runs in the background. */
  deliverComms?(incidentId: string, sent: TimelineEvent): void;
  /** Writes a status update where it can be pasted; returns the path. */
  writeComms(incidentId: string, text: string): Promise<string>;
  /** Renders the post-incident report; returns where it was written. Absent until a renderer is wired. */
  exportReport?: (incidentId: string) => Promise<{ path: string; format: string }>;
  /** Copies text to the terminal's clipboard (OSC 52) where the terminal allows. */
  copy(text: string): void;
  /** Local time zone for the banner (tests fix it). */
  timeZone?: string;
}
