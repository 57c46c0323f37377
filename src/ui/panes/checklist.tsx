// The checklist of the chosen scenario(s): steps with role and state, and the selected step's detail
// (instructions, the command with params filled, the last verification and its evidence).
import { Box } from 'ink';
import { fillLenient, type StepStatus } from '../../core/index.js';
import { checklistRows } from '../app/checklist.js';
import { missingParams } from '../app/step-params.js';
import type { AppState, IncidentView } from '../app/state.js';
import { Line, PaneTitle, Row, Span } from '../components/text.js';
import { pad, windowStart, wrapText } from '../format.js';
import type { Token } from '../theme.js';

const MARK: Record<StepStatus, [string, Token]> = {
  todo: ['[ ]', 'text'],
  'in-progress': ['[>]', 'accent'],
  done: ['[x]', 'ok'],
  verified: ['[v]', 'ok'],
  skipped: ['[-]', 'muted'],
  failed: ['[!]', 'crit'],
};

export function ChecklistPane({ s, v, width, height, focused }: { s: AppState; v: IncidentView; width: number; height: number; focused: boolean }) {
  const rows = checklistRows(v.incident, s.catalog);
  const finished = rows.filter((r) => ['done', 'verified', 'skipped'].includes(r.status)).length;
  if (rows.length === 0) {
    return (
      <Box flexDirection="column" width={width} height={height} overflow="hidden">
        <PaneTitle title="Checklist" focused={focused} />
        <Line text="No scenario chosen: press C to choose one." tone="muted" />
      </Box>
    );
  }
  const cursor = Math.min(v.cursor.checklist, rows.length - 1);
  const sel = rows[cursor]!;
  // The selected step's detail gets what the list leaves, up to three lines of instructions.
  const instructionLines = wrapText(sel.instructions, Math.max(20, width - 3)).slice(0, height >= 20 ? 3 : 1);
  const missing = missingParams(sel, v.incident.params);
  const detailLines = Math.min((missing.length ? 5 : 4) + warningCount(sel.step) + instructionLines.length, Math.max(0, height - 4));
  const listH = Math.max(1, height - 1 - detailLines);
  const start = windowStart(cursor, rows.length, listH);
  const probe = v.probes[sel.key];
  const verification = v.incident.steps[sel.key]?.verification;
  // What the plan gets wrong and what the step destroys come first, in colour, before anyone copies or acts.
  const warnings: [string, Token][] = [
    ...(sel.step.destructive ? [[`DESTRUCTIVE: ${fillLenient(sel.step.destructive.destroys, v.incident.params)} (copy and action need ${fillLenient(sel.step.destructive.confirm, v.incident.params)} typed)`, 'crit'] as [string, Token]] : []),
    ...(sel.step.caution ? wrapText(`CAUTION: ${fillLenient(sel.step.caution, v.incident.params)}`, Math.max(20, width - 3)).slice(0, 2).map((l): [string, Token] => [l, 'warn']) : []),
  ];
  const detail: [string, Token][] = [
    ...warnings,
    ...instructionLines.map((l): [string, Token] => [l, 'text']),
    [sel.command ? `$ ${sel.command}` : '(no command)', sel.command ? 'accent' : 'muted'],
    probe?.running
      ? ['verifying...', 'warn']
      : probe?.result
        ? [`verify: ${probe.result.passed ? 'passed' : 'not passed'}: ${probe.result.summary}`, probe.result.passed ? 'ok' : 'crit']
        : verification
          ? [`verified ${verification.at.slice(11, 19)}: ${verification.passed ? 'passed' : 'failed'}: ${verification.summary}`, verification.passed ? 'ok' : 'crit']
          : [sel.step.verify ? 'v runs the verification' : 'no automatic verification', 'muted'],
    [evidenceLine(probe?.result?.evidence ?? verification?.evidence), 'muted'],
    [v.copied ? `copied: ${v.copied}` : sel.blockedBy.length ? `waits for: ${sel.blockedBy.join(', ')}` : '', 'muted'],
  ];
  // Shown before the command, so a short pane still says what the step is waiting for.
  if (missing.length > 0) detail.splice(instructionLines.length, 0, [`missing ${missing.join(', ')} (Enter asks for ${missing.length === 1 ? 'it' : 'them'})`, 'warn']);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PaneTitle title="Checklist" focused={focused} extra={`${finished}/${rows.length} finished`} />
      {rows.slice(start, start + listH).map((r, i) => {
        const [mark, tone] = MARK[r.status];
        const selected = start + i === cursor;
        return (
          <Row key={r.key} width={width}>
            <Span text={`${selected ? '>' : ' '}${mark} `} tone={tone} inverse={selected && focused} />
            <Span text={`${pad(r.step.id, 14)} ${r.title}`} bold={selected} />
            <Span text={`  ${r.step.role}`} tone="muted" />
          </Row>
        );
      })}
      {detail.slice(0, detailLines).map(([text, tone], i) => (
        <Line key={`d${i}`} text={text ? `  ${text}` : ' '} tone={tone} width={width} />
      ))}
    </Box>
  );
}

function warningCount(step: { caution?: string | undefined; destructive?: unknown }): number {
  return (step.destructive ? 1 : 0) + (step.caution ? 2 : 0);
}

function evidenceLine(evidence: Record<string, unknown> | undefined): string {
  if (!evidence || Object.keys(evidence).length === 0) return '';
  return `evidence: ${Object.entries(evidence).map(([k, val]) => `${k}=${typeof val === 'string' ? val : JSON.stringify(val)}`).join(', ')}`;
}
