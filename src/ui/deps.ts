// Everything the console receives from the composition root. The UI sees the store as operations, the
// catalog as plain data and AWS through its ports; it never imports an adapter.
import type { AwsPorts } from '../aws/ports.js';
import type { runRecordedAction } from '../aws/recorded-action.js';
import type { IncidentSummary } from '../store/incident-store.js';
import type { Clock, ExerciseClock, IncidentState, NewEvent, SyncMark, TimelineEvent } from '../core/index.js';
import type { UiScenario } from './scenario.js';

/** An incident as the home screen lists it (the store's summary, without its cache bookkeeping). */
export type UiIncidentSummary = Omit<IncidentSummary, 'journalSize'>;

export type IncidentOpening = Omit<NewEvent<'incident.opened'>['data'], 'id'>;

/**
 * The timeline as a window over the journal (store/timeline-window.ts): only the lines shown are read. Line
 * numbers count the journal's lines from 0.
 */
export interface TimelineSource {
  /** Lines up to the follower's `offset` (the index grows lazily as the journal does). */
  count(offset: number): number;
  /** The events of lines [from, to); undefined where a line does not parse. */
  read(from: number, to: number): readonly (TimelineEvent | undefined)[];
  /** Set once the journal is found shorter than what was already shown. */
  problem(): string | undefined;
  /** Line numbers from `from` on whose event matches, scanned a batch at a time; `scanned` is the line reached. */
  search(match: (e: TimelineEvent) => boolean, from: number, onProgress: (scanned: number, hits: readonly number[]) => void, signal: AbortSignal): Promise<{ hits: number[]; scanned: number }>;
}

export interface UiStore {
  list(): Promise<UiIncidentSummary[]>;
  /**
   * The journal checked as it is read: `verification.firstBad` names the first event that fails the hash chain.
   * With `timeline`, `events` holds only what the panes other than the timeline read (see app/retained.ts)
   * and `state` is the whole fold (from the checkpoint and what follows it).
   */
  load(id: string): Promise<{ events: TimelineEvent[]; state: IncidentState; offset: number; verification?: { ok: boolean; firstBad?: { seq: number; message: string } }; timeline?: TimelineSource }>;
  /** With `afterSeq`, only onto that head (else a StaleHeadError): how a drill's controller appends its decisions. */
  append(id: string, events: readonly NewEvent[], opts?: { afterSeq?: number }): Promise<TimelineEvent[]>;
  /** Events any writer appended after `offset`, and the offset to resume from. */
  readSince(id: string, offset: number): Promise<{ events: TimelineEvent[]; offset: number; problem?: string }>;
  /** A shared incident's sync mark (synced, pending, offline, who is here, conflicts); undefined when not shared. */
  syncMark?(id: string): SyncMark | undefined;
  /** Declares: the opening event and what follows it (triage, scenario, milestones) in one write. */
  create(opening: IncidentOpening, followUps: readonly NewEvent[]): Promise<TimelineEvent>;
}

/** The service profile's service the console declares for: noted on the timeline, its roster assigned. */
export interface UiService {
  name: string;
  /** The profile file it came from. */
  profile: string;
  /** Role (normalised) to person. */
  roster: Readonly<Record<string, string>>;
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
  /** This console instance, for the drill's lease: a second terminal of the same person is another console. */
  consoleId?: string;
  allowActions: boolean;
  /** For the banner, e.g. "LIVE prod-admin eu-west-2" or "SIMULATED". */
  modeLabel: string;
  /** Adds the outbox's queue entry after a status update's comms.sent, so both are one append. */
  withCommsQueue?(incidentId: string, events: readonly NewEvent[]): Promise<NewEvent[]>;
  /** Delivers what the incident's outbox owes; runs in the background. */
  kickComms?(incidentId: string): void;
  /** Exactly what each routed channel would receive for this text, as lines; nothing is sent. */
  previewComms?(incidentId: string, text: string, kind: string): string[];
  /** Escalation levels this console pages by itself when they come due. */
  autoPageLevels?: readonly string[];
  /** Pages an escalation level once (the record decides), delivered through the outbox in the background. */
  pageLevel?(incidentId: string, level: string, who: string): Promise<{ already: boolean; channels: string[]; exercise: boolean }>;
  /** Writes a status update where it can be pasted; returns the path. */
  writeComms(incidentId: string, text: string): Promise<string>;
  /** Renders the post-incident report; returns where it was written. Absent until a renderer is wired. */
  exportReport?: (incidentId: string) => Promise<{ path: string; format: string }>;
  /** Copies text to the terminal's clipboard (OSC 52) where the terminal allows. */
  copy(text: string): void;
  /** The incident this actor last had open here, offered on the home screen. */
  lastIncident?: string;
  /** Remembers the incident just opened, for the next start. */
  rememberIncident?(id: string): void;
  /** Where the JSON files a copied command reads are written (<state-dir>/files), and the writer. */
  filesDir?: string;
  writeFiles?(dir: string, files: Readonly<Record<string, unknown>>): Promise<void>;
  /** Local time zone for the banner (tests fix it). */
  timeZone?: string;
}
