// Achieved RTO and RPO against each component's targets, each figure with its source and basis.
import type { ObjectiveTarget } from '../aws-calls.js';
import type { TimelineEvent } from '../events.js';
import type { IncidentState } from '../fold.js';
import type { Figure, ObjectiveRow, ReportModel, ScenarioInput } from './model.js';
import { isResolved } from '../lifecycle.js';
import { formatSeconds } from './format-seconds.js';
import { ms, secondsBetween } from './time.js';

interface RecoveryPointRead {
  seq: number;
  scenario?: string;
  component: string;
  resource: string;
  latestRestorable?: string;
  lagSeconds?: number;
  source: string;
  measured: boolean;
}

const INCIDENT_WIDE = 'incident (all components)';

export function objectivesSection(s: IncidentState, events: readonly TimelineEvent[], scenarios: readonly ScenarioInput[]): ReportModel['objectives'] {
  const points = recoveryPoints(events);
  const targets = scenarios.flatMap((sc) => sc.objectives.map((o) => ({ o, sc })));
  if (targets.length === 0) {
    return { targetsKnown: false, rows: [row(s, { component: INCIDENT_WIDE }, null, [], points)] };
  }
  return { targetsKnown: true, rows: targets.map(({ o, sc }) => row(s, o, sc.id, sc.steps, points)) };
}

function row(s: IncidentState, o: ObjectiveTarget, scenario: string | null, steps: ScenarioInput['steps'], points: RecoveryPointRead[]): ObjectiveRow {
  // In a drill a milestone alone proves nothing: the objective is met only when the steps that meet it were done.
  // Nor in a live incident still open: "mitigated" with recovery steps undone is not yet a met objective.
  const undone = s.mode === 'exercise' || !isResolved(s) ? undoneSteps(s, o.component, scenario, steps) : [];
  const rto: Figure = undone.length
    ? { seconds: null, basis: 'unknown', source: `${undone.length} of the steps that recover it not done: ${undone.join(', ')}` }
    : achievedRto(s, o.component, scenario, steps);
  // A point read for this scenario answers for its RPO rows; an older point without a scenario, for its component's.
  const mine = scenario === null ? points : points.filter((p) => (p.scenario ? p.scenario === scenario : p.component === o.component));
  const rpo = o.rpo_by_design
    ? { seconds: 0, basis: 'by-design' as const, source: 'objective: 0 by design (synchronous replication), not measured' }
    : achievedRpo(s, mine);
  const targetRto = o.rto_seconds ?? null;
  const targetRpo = o.rpo_seconds ?? null;
  const rtoMet = met(rto, targetRto);
  const rpoMet = o.rpo_by_design ? true : met(rpo, targetRpo);
  return {
    component: o.component,
    scenario,
    targetRto,
    targetRpo,
    rpoByDesign: o.rpo_by_design === true,
    rto,
    rpo,
    rtoMet,
    rpoMet,
    rtoVerdict: undone.length ? `not met: ${undone.length} step(s) not done` : verdict(rto, targetRto, rtoMet, !!incidentRecovered(s) || !!componentRecovered(s, o.component, scenario, steps), !!outageStart(s)),
    rpoVerdict: o.rpo_by_design ? 'met (by design)' : mine.length === 0 ? 'unknown (no recovery point read)' : verdict(rpo, targetRpo, rpoMet, true, !!outageStart(s)),
    // The plan's estimate is shown beside the target, never measured against.
    note: [o.note, o.estimate ? `estimate, not a target: ${o.estimate}` : undefined].filter(Boolean).join('; ') || null,
  };
}

const met = (f: Figure, target: number | null): boolean | null => (f.seconds === null || target === null ? null : f.seconds <= target);

/** "met", "missed by ...", "not yet" or "unknown (why)": never "met" for what has not happened. */
function verdict(f: Figure, target: number | null, ok: boolean | null, happened: boolean, started: boolean): string {
  if (ok === true) return f.basis === 'estimated' ? 'met (estimated)' : 'met';
  if (ok === false) return `missed by ${formatSeconds(f.seconds! - target!)}`;
  if (!started) return 'unknown (no impact start)';
  if (!happened) return 'not yet';
  return target === null ? 'unknown (no target)' : 'unknown';
}

/** A drill's steps for this component (its mapped steps, else all of its scenario's) that are not done or verified. */
function undoneSteps(s: IncidentState, component: string, scenario: string | null, steps: ScenarioInput['steps']): string[] {
  if (scenario === null) return [];
  const mapped = steps.filter((st) => st.component === component);
  return (mapped.length ? mapped : steps)
    .filter((st) => !['done', 'verified'].includes(s.steps[`${scenario}/${st.id}`]?.status ?? 'todo'))
    .map((st) => st.id);
}

/** Where the outage is measured from: impact start (measured) or, failing that, detection (an estimate). */
function outageStart(s: IncidentState): { at: string; label: string; estimated: boolean } | null {
  const impact = s.milestones['impact-started'];
  if (impact) return { at: impact.at, label: `impact-started (seq ${impact.seq}${impact.backdated ? ', back-dated' : ''})`, estimated: false };
  const det = s.milestones.detected;
  if (det) return { at: det.at, label: `detected (seq ${det.seq}; impact start unknown)`, estimated: true };
  return null;
}

function achievedRto(s: IncidentState, component: string, scenario: string | null, steps: ScenarioInput['steps']): Figure {
  const start = outageStart(s);
  const end = componentRecovered(s, component, scenario, steps) ?? incidentRecovered(s);
  if (!start || !end) {
    const missing = [!start ? 'impact start and detection unknown' : '', !end ? 'not yet mitigated or resolved' : ''].filter(Boolean).join('; ');
    return { seconds: null, basis: 'unknown', source: missing };
  }
  const seconds = secondsBetween(start.at, end.at);
  const source = `${start.label} to ${end.label}`;
  if (seconds === null || seconds < 0) return { seconds: null, basis: 'unknown', source: `${source}: the end precedes the start (milestones out of order)` };
  return { seconds, basis: start.estimated ? 'estimated' : 'measured', source };
}

function incidentRecovered(s: IncidentState): { at: string; label: string } | null {
  const m = s.milestones.mitigated ?? s.milestones.resolved;
  if (!m) return null;
  const name = s.milestones.mitigated ? 'mitigated' : 'resolved';
  return { at: m.at, label: `${name} (seq ${m.seq}${m.backdated ? ', back-dated' : ''}), incident-wide` };
}

/** The last finished step that recovers this component, from the runbook's step mapping or the step's evidence. */
function componentRecovered(s: IncidentState, component: string, scenario: string | null, steps: ScenarioInput['steps']): { at: string; label: string } | null {
  const mapped = new Set(steps.filter((st) => st.component === component).map((st) => `${scenario}/${st.id}`));
  let best: { at: string; label: string; t: number } | null = null;
  for (const [key, st] of Object.entries(s.steps)) {
    const byEvidence = st.verification?.passed === true && st.verification.evidence.component === component;
    if (!mapped.has(key) && !byEvidence) continue;
    if ((st.status !== 'done' && st.status !== 'verified') || !st.endedAt) continue;
    const t = ms(st.endedAt) ?? 0;
    if (!best || t > best.t) best = { at: st.endedAt, t, label: `step ${key} ${st.status} (seq ${st.seqs[st.seqs.length - 1]})` };
  }
  return best && { at: best.at, label: best.label };
}

function achievedRpo(s: IncidentState, points: RecoveryPointRead[]): Figure {
  if (points.length === 0) return { seconds: null, basis: 'unknown', source: 'no recovery point read on the timeline' };
  const start = outageStart(s);
  const figures = points.map((p): Figure => {
    const from = `${p.source} on ${p.resource} (aws.read seq ${p.seq})`;
    if (p.lagSeconds !== undefined) return { seconds: Math.round(p.lagSeconds), basis: p.measured ? 'measured' : 'estimated', source: `replication lag from ${from}` };
    if (p.latestRestorable && start) {
      const gap = secondsBetween(p.latestRestorable, start.at);
      if (gap !== null) {
        return {
          seconds: Math.max(0, gap),
          basis: p.measured && !start.estimated ? 'measured' : 'estimated',
          source: `latest restorable ${p.latestRestorable} from ${from} vs ${start.label}`,
        };
      }
    }
    return { seconds: null, basis: 'unknown', source: `${from} gives no restorable time or lag${start ? '' : '; impact start unknown'}` };
  });
  // The worst known figure across the component's resources stands for the component.
  const known = figures.filter((f) => f.seconds !== null);
  if (known.length === 0) return figures[figures.length - 1]!;
  return known.reduce((a, b) => (b.seconds! > a.seconds! ? b : a));
}

/** The latest recovery point read per resource. */
function recoveryPoints(events: readonly TimelineEvent[]): RecoveryPointRead[] {
  const byResource = new Map<string, RecoveryPointRead>();
  for (const e of events) {
    if (e.kind !== 'aws.read') continue;
    const values = e.data.values as Record<string, unknown> | undefined;
    const rp = values?.recoveryPoint as Record<string, unknown> | undefined;
    if (!rp || typeof rp !== 'object' || typeof rp.component !== 'string') continue;
    const read: RecoveryPointRead = {
      seq: e.seq,
      component: rp.component,
      resource: typeof rp.resource === 'string' ? rp.resource : '',
      source: typeof rp.source === 'string' ? rp.source : `${String(e.data.service)} ${String(e.data.operation)}`,
      measured: rp.measured === true,
    };
    if (typeof rp.scenario === 'string') read.scenario = rp.scenario;
    if (typeof rp.latestRestorable === 'string') read.latestRestorable = rp.latestRestorable;
    if (typeof rp.lagSeconds === 'number' && Number.isFinite(rp.lagSeconds)) read.lagSeconds = rp.lagSeconds;
    byResource.set(`${read.scenario ?? ''}\u0000${read.component}\u0000${read.resource}`, read);
  }
  return [...byResource.values()];
}
