// The console's one reducer: update(state, msg) -> [state, effects]. Pure: keys, ticks and effect results
// come in as messages; I/O goes out as effects for the runner.
import type { ProbeResult } from '../../aws/ports.js';
import { isCommand, resolveKey, type Command, type Layer } from '../keymap.js';
import type { KeyName } from '../keys.js';
import { checkAnswer, declareSteps, finishDeclare, stepsOf } from './declare.js';
import { fieldKey, hasTypedText, startField } from './field.js';
import { incidentCommand, toast } from './incident-commands.js';
import { applyJournal, onSearched, onAlarms, openView } from './incident-open.js';
import { modalKey, paletteModal } from './modals.js';
import type { Effect, Msg } from './msg.js';
import { tooSmall, type AppState, type DeclareState } from './state.js';
import { couldNotCheckEvent, probeOutcome, recoveryPointEvent } from '../../aws/timeline-events.js';
import { withEvidence } from './metric-snapshots.js';
import { openWork } from './open-work.js';
import { isResolved } from '../../core/index.js';
import { alarmsFailed, mergeMetrics, metricsFailed } from './pane-reads.js';
import { drillCommand, joinDrill, retryDrill, syncDrill } from './drill.js';
import { debriefCommand, withQuestionToast } from './drill-debrief.js';
import { onTick } from './tick.js';
import { openReview, reviewCommand } from './review-screen.js';
import { onPaste } from './paste.js';
import { actionToast } from './action-toast.js';
import { firstListing, remembered } from './last-incident.js';
import { pageCommand, pagedToast, previewView, withAutoPage } from './page.js';

export type Update = [AppState, Effect[]];

export function update(s: AppState, msg: Msg): Update {
  const [next, effects] = decide(s, msg);
  return withEvidence(next, effects);
}

/** A key moves the console's time to its press: the screen refreshes once a second, a drill control must not lag. */
const pressedAt = (s: AppState, at: number | undefined): AppState => (at !== undefined && at > s.now ? { ...s, now: at } : s);

function decide(s: AppState, msg: Msg): Update {
  switch (msg.type) {
    case 'key':
      return onKey(pressedAt(s, msg.at), msg.key);
    case 'paste':
      return onPaste(s, msg.text);
    case 'tick':
      return withAutoPage(onTick(s, msg.now));
    case 'resize':
      return [{ ...s, cols: msg.cols, rows: msg.rows }, []];
    case 'catalog.loaded':
      return [{ ...s, catalog: msg.scenarios, catalogPending: false, config: { ...s.config, catalogProblems: msg.problems }, ...(msg.service ? { service: msg.service } : {}) }, []];
    case 'incidents.listed': {
      // The highlight stays on the same incident when a refresh adds one above it.
      const selected = s.home.incidents[s.home.cursor]?.id;
      const same = selected === undefined ? -1 : msg.incidents.findIndex((i) => i.id === selected);
      const cursor = same >= 0 ? same : (firstListing(s, msg.incidents) ?? Math.min(s.home.cursor, Math.max(0, msg.incidents.length - 1)));
      return [{ ...s, home: { incidents: msg.incidents, cursor, loading: false, listedAt: s.now } }, []];
    }
    case 'incidents.failed':
      return [{ ...s, home: { ...s.home, loading: false, error: msg.message } }, []];
    case 'incident.created': {
      // A drill set up on the home screen starts driving as soon as its incident opens.
      const drill = s.declare?.mode === 'exercise' ? { pendingDrill: { incidentId: msg.id, speed: 1, facilitator: true } } : {};
      return [toast({ ...s, ...drill }, `declared ${msg.id}`, 'ok'), [{ type: 'load-incident', id: msg.id }]];
    }
    case 'incident.loaded':
      // A second Enter pressed while the first load was running must not reset the open view.
      if (s.screen === 'incident' && s.incident?.id === msg.id) return [s, []];
      return remembered(withPendingDrill(openView(s, msg.id, msg.events, msg.offset, msg.chainProblem, msg)), msg.id);
    case 'incident.failed':
      // A failed declaration keeps every answer: Enter on the last question tries again.
      if (s.screen === 'declare' && s.declare) return [toast({ ...s, declare: { ...s.declare, creating: false } }, msg.message, 'crit'), []];
      return [toast({ ...s, screen: s.incident ? 'incident' : 'home' }, msg.message, 'crit'), []];
    case 'journal.events':
      return withQuestionToast(s, syncDrill(applyJournal(s, msg.id, msg.events, msg.offset, msg.problem)));
    case 'timeline.searched':
      return [onSearched(s, msg), []];
    case 'comms.preview':
      return previewView(s, msg.lines);
    case 'comms.paged':
      return [pagedToast(s, msg.level, msg.result), []];
    case 'sync.mark':
      return s.incident?.id === msg.id ? [{ ...s, incident: { ...s.incident, sync: msg.mark } }, []] : [s, []];
    case 'append.failed':
      return [toast(s, `not recorded: ${msg.message}`, 'crit'), []];
    case 'metrics.fetched':
      // Shown only: metric evidence is recorded with the acts it proves, never because a fetch came back.
      return s.incident ? [{ ...s, incident: { ...s.incident, metrics: mergeMetrics(s.incident.metrics, msg.series, msg.at) } }, []] : [s, []];
    case 'metrics.failed':
      return s.incident ? [{ ...s, incident: { ...s.incident, metrics: metricsFailed(s.incident.metrics, msg.message, msg.at) } }, []] : [s, []];
    case 'alarms.polled':
      return onAlarms(s, msg.alarms, msg.transitions, msg.at, msg.errors, msg.regions);
    case 'alarms.failed':
      return s.incident ? [{ ...s, incident: { ...s.incident, alarms: { ...alarmsFailed(s.incident.alarms, msg.message, msg.at), recent: s.incident.alarms.recent } } }, []] : [s, []];
    case 'probe.done':
      return onProbe(s, msg.key, msg.result);
    case 'action.done': {
      // The lifecycle recorded everything itself (src/aws/recorded-action.ts); this only tells the operator.
      const said = actionToast(msg.result);
      return [toast(s, said.text, said.tone), []];
    }
    case 'action.progress':
      return [toast(s, msg.line), []];
    case 'exported':
      return [toast(s, `report written to ${msg.path}`, 'ok'), [{ type: 'append', id: msg.incidentId, events: [{ kind: 'report.exported', data: { format: msg.format, path: msg.path, draft: msg.draft } }] }]];
    case 'comms.written':
      return [toast(s, `status update sent: written to ${msg.path} (and copied)`, 'ok'), []];
    case 'effect.failed':
      return [toast(s, `${msg.what} failed: ${msg.message}`, 'crit'), []];
    case 'drill.retry':
      return retryDrill(s, msg.act, msg.attempt);
    case 'warning':
      return [toast(s, msg.message, 'warn'), []];
    case 'recovery-points.read': {
      // Each point keeps the scenario it was read for, so the report puts it on that scenario's RPO rows.
      const events = msg.points.map((p) => {
        const ev = recoveryPointEvent(p);
        const scenario = msg.targets.find((t) => t.resource === p.resource && t.component === p.component)?.scenario;
        return scenario ? { ...ev, data: { ...ev.data, values: { recoveryPoint: { ...p, scenario } } } } : ev;
      });
      const text = `${msg.points.length} recovery point${msg.points.length === 1 ? '' : 's'} recorded${msg.errors.length ? `; ${msg.errors.join('; ')}` : ''}`;
      return [toast(s, text, msg.errors.length ? 'warn' : 'ok'), events.length ? [{ type: 'append', id: msg.id, events }] : []];
    }
  }
}

function onProbe(s: AppState, key: string, result: ProbeResult): Update {
  const v = s.incident;
  if (!v) return [s, []];
  const started = v.probes[key]?.running ? v.probes[key].at : undefined;
  const next = { ...s, incident: { ...v, probes: { ...v.probes, [key]: { running: false, result, at: s.now } } } };
  const [scenario, step] = key.split('/') as [string, string];
  // A probe that could not run at all (no AWS layer) is shown, not recorded as evidence.
  if (result.error?.class === 'not-supported') return [next, []];
  // Unreachable, throttled, denied or timed out: recorded as "could not check", never as a failed check.
  if (probeOutcome(result) === 'could-not-check') return [next, [{ type: 'append', id: v.id, events: [couldNotCheckEvent(scenario, step, result)] }]];
  return [next, [{ type: 'append', id: v.id, events: [{ kind: 'step.verified', data: { scenario, step, passed: result.passed, summary: result.summary, evidence: result.evidence, ...(started !== undefined ? { startedAt: new Date(started).toISOString() } : {}) } }] }]];
}

/** The key layers in force, highest priority first: modal > focused pane > screen > global. */
export function activeLayers(s: AppState): Layer[] {
  const top = s.modals.at(-1);
  if (top) return top.kind === 'prompt' ? ['field'] : [top.kind === 'draft' ? 'draft' : top.kind];
  if (s.screen === 'declare') return ['field'];
  if (s.screen === 'home') return ['home', 'list', 'global'];
  return [s.incident?.pane ?? 'checklist', 'incident', 'global'];
}

function onKey(s: AppState, key: KeyName): Update {
  if (key === 'ctrl+c') return [s, [{ type: 'exit', interrupted: true }]];
  if (tooSmall(s)) return key === 'q' ? [s, [{ type: 'exit' }]] : [s, []];
  const top = s.modals.at(-1);
  if (top) return modalKey(s, top, key, runCommand);
  if (s.screen === 'declare') return declareKey(s, key);
  const cmd = resolveKey(activeLayers(s), key);
  return cmd ? runCommand(s, cmd) : [s, []];
}

/** Runs a command by name (from a key, or typed in the palette); a name that is no command runs nothing. */
function runCommand(s: AppState, name: string): Update {
  if (!isCommand(name)) return [toast(s, `no command "${name}"`, 'warn'), []];
  return command(s, name);
}

/** Every command, routed to the screen that runs it; adding a command to the keymap fails to compile until it is routed here. */
function command(s: AppState, cmd: Command): Update {
  const layers = activeLayers(s);
  const onIncident = s.screen === 'incident';
  // The review screen's keys (its modal resolves them in the review layer) are decided by the review.
  const top = s.modals.at(-1);
  if (top?.kind === 'review') return reviewCommand(s, top, cmd);
  switch (cmd) {
    case 'help':
      return [{ ...s, modals: [...s.modals, { kind: 'help', layers, scroll: 0 }] }, []];
    case 'palette':
      return [{ ...s, modals: [...s.modals, paletteModal(layers)] }, []];
    case 'quit-now':
      return [s, [{ type: 'exit', interrupted: true }]];
    case 'quit': {
      const v = s.screen === 'incident' ? s.incident : undefined;
      const inc = v?.incident;
      const drillRunning = inc?.mode === 'exercise' && !isResolved(inc);
      const open = [...(v ? openWork(s, v, 'quit') : []), ...(s.declareDraft ? ['a declaration left with Esc is not declared yet'] : [])];
      if (!drillRunning && open.length === 0) return [s, [{ type: 'exit' }]];
      const why = [...(drillRunning ? ['a drill is running'] : []), ...open].join('; ');
      return [{ ...s, modals: [...s.modals, { kind: 'confirm', purpose: 'quit', text: `${why[0]!.toUpperCase()}${why.slice(1)}. Quit anyway? (y/n)` }] }, []];
    }
    case 'down':
    case 'up':
      return s.screen === 'home' ? homeCommand(s, cmd) : onIncident ? incidentCommand(s, cmd) : [s, []];
    case 'first':
    case 'last':
    case 'open':
    case 'declare':
    case 'declare-guided':
    case 'drill':
    case 'refresh':
      return s.screen === 'home' ? homeCommand(s, cmd) : [s, []];
    case 'drill-pause':
    case 'drill-faster':
    case 'drill-slower':
    case 'drill-next':
    case 'drill-fire':
    case 'drill-script':
    case 'drill-handover':
    case 'drill-end':
    case 'drill-injects':
    case 'drill-mark':
    case 'drill-add':
      return onIncident ? drillCommand(s, cmd) : [s, []];
    case 'answer':
    case 'hotwash':
    case 'plan-row':
      return onIncident ? debriefCommand(s, cmd) : [s, []];
    case 'next-pane':
    case 'prev-pane':
    case 'pane-checklist':
    case 'pane-metrics':
    case 'pane-alarms':
    case 'pane-timeline':
    case 'pane-comms':
    case 'note':
    case 'decision':
    case 'action-item':
    case 'role':
    case 'milestone':
    case 'severity':
    case 'status':
    case 'scenario':
    case 'comms':
    case 'export':
    case 'filter':
    case 'back':
    case 'recovery-points':
    case 'advance':
    case 'verify':
    case 'copy':
    case 'fail':
    case 'skip':
    case 'action':
    case 'older':
    case 'newer':
    case 'page-older':
    case 'page-newer':
    case 'oldest':
    case 'newest':
    case 'clear-filter':
    case 'record-metrics':
    case 'escalate':
    case 'event-detail':
      return onIncident ? incidentCommand(s, cmd) : [s, []];
    case 'page':
      return onIncident ? pageCommand(s) : [s, []];
    case 'review':
      return onIncident ? openReview(s) : [s, []];
    case 'review-accept':
    case 'review-write':
    case 'review-done':
      // Only the review screen runs these (above); elsewhere they do nothing.
      return [s, []];
    case 'submit':
    case 'cancel':
    case 'back-step':
    case 'erase':
    case 'clear':
    case 'example':
    case 'close':
    case 'yes':
    case 'no':
    case 'send':
    case 'edit':
    case 'preview':
    case 'page-down':
    case 'page-up':
    case 'top':
    case 'bottom':
      // Keys of a form or a modal: handled where that form or modal is, never run from a screen.
      return [s, []];
  }
}

function homeCommand(s: AppState, cmd: Extract<Command, 'down' | 'up' | 'first' | 'last' | 'open' | 'declare' | 'declare-guided' | 'drill' | 'refresh'>): Update {
  const n = s.home.incidents.length;
  const at = (c: number) => [{ ...s, home: { ...s.home, cursor: Math.max(0, Math.min(n - 1, c)) } }, []] as Update;
  switch (cmd) {
    case 'down':
      return at(s.home.cursor + 1);
    case 'up':
      return at(s.home.cursor - 1);
    case 'first':
      return at(0);
    case 'last':
      return at(n - 1);
    case 'refresh':
      return [{ ...s, home: { ...s.home, loading: true } }, [{ type: 'list-incidents' }]];
    case 'open': {
      const picked = s.home.incidents[s.home.cursor];
      return picked ? [toast(s, `opening ${picked.id}...`), [{ type: 'load-incident', id: picked.id }]] : [s, []];
    }
    case 'declare':
    case 'declare-guided':
    case 'drill': {
      const mode = cmd === 'drill' ? 'exercise' : 'live';
      if (mode === 'exercise' && s.catalog.length === 0) return [toast(s, 'no scenarios in the catalog: a drill needs one', 'warn'), []];
      const draft = s.declareDraft;
      if (draft && draft.mode === mode) {
        const { declareDraft: _kept, ...rest } = s;
        return [toast({ ...rest, screen: 'declare', declare: draft }, 'picked up the draft left with Esc', 'muted'), []];
      }
      const steps = declareSteps(mode, {}, s.catalog, s.firingAlarms);
      const declare: DeclareState = { mode, ...(cmd === 'declare' ? { flow: 'quick' as const } : {}), answers: {}, index: 0, field: startField(steps[0]!), creating: false };
      // Alarms now in ALARM feed the scenario ranking; they arrive while the first questions are answered.
      return [{ ...s, screen: 'declare', declare }, s.config.awsConnected ? [{ type: 'poll-alarms-once' }] : []];
    }
  }
}

function declareKey(s: AppState, key: KeyName): Update {
  const d = s.declare;
  if (!d || d.creating) return [s, []];
  const steps = stepsOf(d, s);
  const step = steps[d.index]!;
  const out = fieldKey(step, d.field, key, resolveKey(['field'], key));
  switch (out.kind) {
    case 'none':
      return [s, []];
    case 'cancel': {
      // Esc never throws answers away: they stay as a draft that `n` (or `d`) picks up again.
      const { declare: _d, ...rest } = s;
      if (Object.keys(d.answers).length > 0 || hasTypedText(step, d.field) || d.details) {
        return [toast({ ...rest, screen: 'home', declareDraft: { ...d, field: { text: d.field.text, cursor: d.field.cursor } } }, `draft kept: ${d.mode === 'live' ? 'n' : 'd'} picks it up again`, 'muted'), []];
      }
      return [{ ...rest, screen: 'home' }, []];
    }
    case 'back': {
      if (d.index === 0) return [s, []];
      const prev = steps[d.index - 1]!;
      return [{ ...s, declare: { ...d, index: d.index - 1, field: startField(prev, d.answers[prev.key]) } }, []];
    }
    case 'edit':
      return [{ ...s, declare: { ...d, field: out.field } }, []];
    case 'submit': {
      const problem = checkAnswer(step.key, out.value, s.now);
      if (problem) return [{ ...s, declare: { ...d, field: { ...d.field, error: problem } } }, []];
      const answers = { ...d.answers, [step.key]: out.value };
      const nextSteps = stepsOf({ ...d, answers }, s);
      const following = nextSteps[d.index + 1];
      if (following) return [{ ...s, declare: { ...d, answers, index: d.index + 1, field: startField(following, answers[following.key]) } }, []];
      return [{ ...s, declare: { ...d, answers, creating: true } }, [finishDeclare(d, answers, s)]];
    }
  }
}

/** Joins the drill of an exercise just opened: driving it when this console was asked to, else in its role. */
function withPendingDrill([s, effects]: Update): Update {
  if (!s.incident || s.incident.incident.mode !== 'exercise') return [s, effects];
  const p = s.pendingDrill;
  const drive = p && (p.incidentId === undefined || p.incidentId === s.incident.id) ? p : undefined;
  const { pendingDrill: _done, ...rest } = s;
  const [next, more] = joinDrill(drive ? rest : s, drive ? { speed: drive.speed, ...(drive.seed !== undefined ? { seed: drive.seed } : {}) } : undefined);
  return [next, [...effects, ...more]];
}
