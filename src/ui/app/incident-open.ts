// Opening an incident and keeping it current: journal events from any writer, AWS observations.
import { applyEvent, foldIncident, isResolved, recordsSimulation, type IncidentState, type NewEvent, type TimelineEvent } from '../../core/index.js';
import type { AlarmState, AlarmTransition, AwsFailure } from '../../aws/ports.js';
import { drillRecord, whoOf } from './drill.js';
import { mergeAlarms } from './pane-reads.js';
import { scenariosOf } from './checklist.js';
import type { Effect } from './msg.js';
import type { AppState, IncidentView } from './state.js';

export function openView(s: AppState, id: string, events: TimelineEvent[], offset: number, chainProblem?: string): [AppState, Effect[]] {
  const incident = foldIncident(events);
  const view: IncidentView = {
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
export function applyJournal(s: AppState, id: string, events: TimelineEvent[], offset: number): [AppState, Effect[]] {
  const view = s.incident;
  if (!view || view.id !== id) return [s, []];
  const fresh = events.filter((e) => e.seq > view.incident.lastSeq);
  if (fresh.length === 0) return [{ ...s, incident: { ...view, offset } }, []];
  const before = view.incident.scenarios.join(',');
  const chainProblem = view.chainProblem ?? brokenLink(view.incident, fresh);
  const incident = structuredClone(view.incident);
  for (const e of fresh) applyEvent(incident, e);
  const next: IncidentView = {
    ...view,
    events: [...view.events, ...fresh],
    incident,
    offset,
    ...(chainProblem ? { chainProblem } : {}),
    // A scrolled-back timeline keeps showing the same events while new ones arrive below.
    cursor: view.cursor.timeline > 0 ? { ...view.cursor, timeline: view.cursor.timeline + fresh.length } : view.cursor,
  };
  const effects: Effect[] = [];
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
