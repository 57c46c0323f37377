// Opening an incident and keeping it current: journal events from any writer, AWS observations.
import { applyEvent, foldIncident, isResolved, recordsSimulation, type IncidentState, type NewEvent, type TimelineEvent } from '../../core/index.js';
import type { AlarmState, AlarmTransition, AwsFailure } from '../../aws/ports.js';
import { drillRecord, whoOf } from './drill.js';
import { mergeAlarms } from './pane-reads.js';
import { scenariosOf } from './checklist.js';
import type { Effect } from './msg.js';
import type { AppState, IncidentView } from './state.js';
import type { Msg } from './msg.js';
import { retainedAfter } from './retained.js';

/** With `loaded.timeline`, the state comes folded (from the checkpoint) and `events` holds only what is retained. */
export function openView(s: AppState, id: string, events: TimelineEvent[], offset: number, chainProblem?: string, loaded: Pick<Extract<Msg, { type: 'incident.loaded' }>, 'state' | 'timeline'> = {}): [AppState, Effect[]] {
  const incident = loaded.state && loaded.timeline ? loaded.state : foldIncident(events);
  const view: IncidentView = {
    ...(loaded.timeline ? { timeline: loaded.timeline } : {}),
    id,
    events,
    incident,
    offset,
    pane: 'checklist',
    cursor: { checklist: 0, metrics: 0, alarms: 0, timeline: 0, comms: 0 },
    filter: '',
    metrics: { series: [] },
    alarms: { list: [], recent: [] },
    probes: {},
    ...(chainProblem ? { chainProblem } : {}),
  };
  const effects: Effect[] = [setupEffect(incident), { type: 'follow', id, offset }];
  const watch = watchEffect(s, incident);
  if (watch) effects.push(watch);
  const { declare: _declare, toast: _toast, ...rest } = s;
  return [{ ...rest, screen: 'incident', incident: view, modals: [] }, effects];
}

/** Tells the runner which AWS the incident uses and what to seed it with. */
const setupEffect = (incident: IncidentState): Effect => ({ type: 'prepare-aws', setup: { mode: incident.mode, scenarios: [...incident.scenarios], params: { ...incident.params } } });

function watchEffect(s: AppState, incident: IncidentState): Effect | undefined {
  if (!s.config.awsConnected) return undefined;
  const metrics = scenariosOf(incident, s.catalog).flatMap((sc) => [...sc.metrics]);
  return { type: 'watch-aws', metrics, params: { ...incident.params } };
}

/** Applies events read from the journal (ours echoed back, or another terminal's). */
export function applyJournal(s: AppState, id: string, events: TimelineEvent[], offset: number, problem?: string): [AppState, Effect[]] {
  const view = s.incident;
  if (!view || view.id !== id) return [s, []];
  const fresh = events.filter((e) => e.seq > view.incident.lastSeq);
  if (fresh.length === 0) return [{ ...s, incident: { ...view, offset, ...(!view.chainProblem && problem ? { chainProblem: problem } : {}) } }, []];
  const before = view.incident.scenarios.join(',');
  const chainProblem = view.chainProblem ?? problem ?? brokenLink(view.incident, fresh);
  const incident = structuredClone(view.incident);
  for (const e of fresh) applyEvent(incident, e);
  const next: IncidentView = {
    ...view,
    events: view.timeline ? retainedAfter(view.events, fresh) : [...view.events, ...fresh],
    incident,
    offset,
    ...(chainProblem ? { chainProblem } : {}),
    // A scrolled-back timeline keeps showing the same events while new ones arrive below.
    cursor: view.cursor.timeline > 0 ? { ...view.cursor, timeline: view.cursor.timeline + fresh.length } : view.cursor,
  };
  const effects: Effect[] = [];
  // A filter scanned to the end goes on with the lines that arrived since.
  const sr = view.search;
  if (view.timeline && sr?.done && sr.filter === view.filter) effects.push({ type: 'search-timeline', id, source: view.timeline, filter: sr.filter, from: sr.scanned, kept: sr.hits });
  if (fresh.some((e) => e.kind === 'scenario.selected')) effects.push(setupEffect(incident));
  // A drill inject fired (from whichever terminal drives the drill) changes this terminal's simulated AWS too.
  if (incident.mode === 'exercise') {
    for (const e of fresh) if (e.kind === 'exercise.inject') effects.push({ type: 'apply-inject', setup: { mode: 'exercise', scenarios: [...incident.scenarios], params: { ...incident.params } }, inject: String(e.data.inject) });
  }
  if (incident.scenarios.join(',') !== before) {
    const watch = watchEffect(s, incident);
    if (watch) effects.push(watch);
  }
  return [{ ...s, incident: next }, effects];
}

/** The first event read after opening that does not continue the chain (its seq or its prev hash). */
function brokenLink(incident: IncidentState, fresh: readonly TimelineEvent[]): string | undefined {
  let seq = incident.lastSeq;
  let hash = incident.headHash;
  for (const e of fresh) {
    if (e.seq !== seq + 1) return `seq ${e.seq}: expected seq ${seq + 1} (an event is missing or out of order)`;
    if (e.prev !== hash) return `seq ${e.seq}: its prev hash does not match the event before it`;
    seq = e.seq;
    hash = e.hash;
  }
  return undefined;
}

/** Alarm transitions not yet on the timeline (another terminal may have recorded them already). */
export function unrecordedTransitions(incident: IncidentState, transitions: readonly AlarmTransition[]): NewEvent[] {
  const drill = incident.mode === 'exercise';
  return transitions
    .filter((t) => {
      const known = incident.alarms[t.alarm];
      return !(known && known.state === t.to && (drill || known.since === t.at));
    })
    .map((t) => ({
      kind: 'alarm.changed' as const,
      // A drill's simulated AWS stamps changes in drill time; the event's own time is the one to report.
      data: { alarm: t.alarm, from: t.from, to: t.to, reason: t.reason, region: t.region, ...(isIso(t.at) && !drill ? { at: t.at } : {}) },
    }));
}

const isIso = (t: string) => !Number.isNaN(Date.parse(t)) && /T.*(Z|[+-]\d\d:?\d\d)$/.test(t);

export function onAlarms(s: AppState, alarms: AlarmState[], transitions: AlarmTransition[], at: number, errors: readonly AwsFailure[] = [], regions?: readonly string[]): [AppState, Effect[]] {
  const firing = alarms.filter((a) => a.state === 'ALARM').map((a) => a.name);
  const view = s.incident;
  if (!view) return [{ ...s, firingAlarms: firing }, []];
  const recent = [...transitions, ...view.alarms.recent].slice(0, 50);
  // A resolved incident is only read: what its alarms do now is not part of its record. In a drill only the
  // controller's console records its simulated alarms: the others see the same changes.
  const recorder = view.incident.mode !== 'exercise' || recordsSimulation(drillRecord(view.events), whoOf(s));
  const events = isResolved(view.incident) || !recorder ? [] : unrecordedTransitions(view.incident, transitions);
  const next = { ...s, firingAlarms: firing, incident: { ...view, alarms: { ...mergeAlarms(view.alarms, alarms, errors, at, regions), recent } } };
  return [next, events.length ? [{ type: 'append', id: view.id, events }] : []];
}

/** The windowed timeline's scan for the filter: kept while the filter is the one scanned for. */
export function onSearched(s: AppState, msg: Extract<Msg, { type: 'timeline.searched' }>): AppState {
  const v = s.incident;
  if (!v || v.id !== msg.id || v.filter !== msg.filter) return s;
  // While the scan runs, a scrolled-back cursor keeps its events in view as hits arrive below it.
  const grown = v.cursor.timeline > 0 && v.search?.filter === msg.filter ? msg.hits.length - v.search.hits.length : 0;
  return { ...s, incident: { ...v, search: { filter: msg.filter, hits: msg.hits, scanned: msg.scanned, done: msg.done }, cursor: grown > 0 ? { ...v.cursor, timeline: v.cursor.timeline + grown } : v.cursor } };
}
