// Plain-text views of scenarios for the terminal. Runbook files are external input: every string is sanitized.
import { sanitize, sanitizeLine } from '../core/index.js';
import { formatDuration, type Scenario, type ScenarioStep } from '../scenarios/index.js';

const line = sanitizeLine;

export function formatScenario(s: Scenario, file: string): string[] {
  const out = [
    `${line(s.id)}: ${line(s.title)}`,
    `  category: ${s.category}${s.severity_hint ? `   severity hint: ${s.severity_hint}` : ''}   services: ${line(s.services.join(', '))}`,
    `  from: ${line(s.sources.join('; '))}`,
    `  file: ${line(file)}`,
    '',
    indent(sanitize(s.summary)),
    '',
    `Impact: ${line(s.impact)}`,
  ];
  if (s.objectives.length) {
    out.push('', 'Objectives:');
    for (const o of s.objectives) {
      const rpo = o.rpo_seconds === undefined ? '-' : `${formatDuration(o.rpo_seconds)}${o.rpo_by_design ? ' (by design)' : ''}`;
      const rto = o.rto_seconds === undefined ? '-' : formatDuration(o.rto_seconds);
      out.push(`  ${line(o.component)}: RTO ${rto}, RPO ${rpo}${o.plan ? ` [${line(o.plan)}]` : ''}${o.note ? ` (${line(o.note)})` : ''}${o.estimate ? `; estimate, not a target: ${line(o.estimate)}` : ''}`);
    }
  }
  if (Object.keys(s.params).length) {
    out.push('', 'Params:');
    for (const [name, p] of Object.entries(s.params)) {
      const extra = [`e.g. ${p.example}`, p.default !== undefined ? `default ${p.default}` : '', p.pattern ? `pattern ${p.pattern}` : ''].filter(Boolean);
      out.push(`  ${line(name)}: ${line(p.description)} (${line(extra.join('; '))})`);
    }
  }
  out.push('', 'Steps:');
  s.steps.forEach((step, i) => out.push(...formatStep(step, i)));
  if (s.metrics.length) out.push('', `Metrics: ${line(s.metrics.map((m) => `${m.namespace} ${m.metric}`).join(', '))}`);
  out.push('', `Comms: first update within ${s.comms.first_update_minutes} min, then every ${s.comms.cadence_minutes} min`);
  for (const e of s.comms.escalation) out.push(`  level ${e.level} after ${e.after_minutes} min: ${line(e.who)}`);
  if (s.comms.channels.length) out.push(`  channels: ${line(s.comms.channels.join('; '))}`);
  for (const k of s.comms.stakeholders) out.push(`  tell ${line(k.who)} by ${line(k.how)}: ${line(k.when)}`);
  if (s.post_checks.length) out.push('', 'Post-recovery checks:', ...s.post_checks.map((c) => `  - ${line(c)}`));
  if (s.injects.length) out.push('', `Exercise injects: ${s.injects.length} (${line(s.injects.map((i) => `${formatDuration(i.at_seconds)} ${i.kind}`).join(', '))})`);
  return out;
}

export function formatStep(step: ScenarioStep, index: number): string[] {
  const meta = [step.role, step.expected_minutes ? `~${step.expected_minutes} min` : '', step.depends_on.length ? `after ${step.depends_on.join(', ')}` : '']
    .filter(Boolean)
    .join(', ');
  const out = [`${index + 1}. [${line(step.id)}] ${line(step.title)} (${line(meta)})`];
  if (step.destructive) out.push(`     DESTRUCTIVE: ${line(step.destructive.destroys)} (type ${line(step.destructive.confirm)} to copy or run it)`);
  if (step.caution) out.push(indent(`CAUTION: ${sanitize(step.caution)}`, 5));
  out.push(indent(sanitize(step.instructions), 5));
  if (step.command) out.push(indent(`$ ${sanitize(step.command)}`, 5));
  if (step.verify) {
    const v = step.verify;
    const [cmp, want] = Object.entries(v.expect).find(([, x]) => x !== undefined) ?? ['', ''];
    out.push(`     verify: ${v.service} ${v.operation} ${line(JSON.stringify(v.args))} -> ${line(v.path)} ${cmp} ${line(JSON.stringify(want))} (every ${v.interval_seconds}s, up to ${v.deadline_seconds}s)`);
  }
  if (step.action) {
    const a = step.action;
    out.push(`     action: ${a.service} ${a.operation} ${line(JSON.stringify(a.args))} (confirm by typing ${line(a.confirm)})`);
  }
  return out;
}

function indent(text: string, by = 2): string {
  const pad = ' '.repeat(by);
  return text
    .trimEnd()
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}
