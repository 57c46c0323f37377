// Draws one question: the label, the typed text with a cursor, and for choices the filtered list with
// the highlighted item (the same index the reducer will pick on Enter).
import { Box } from 'ink';
import { filterChoices, type FieldState, type FieldStep } from '../app/field.js';
import { windowStart, wrapText } from '../format.js';
import { Line, Row, Span } from './text.js';

export function FieldView({ step, field, width, height }: { step: FieldStep; field: FieldState; width: number; height: number }) {
  const shown = step.choices ? filterChoices(step.choices, field.text) : [];
  const cursor = Math.min(field.cursor, Math.max(0, shown.length - 1));
  // The highlighted choice's detail in full below the list (a ranked scenario's reasons run past its row).
  const detail = shown[cursor]?.detail ? wrapText(`${shown[cursor]!.detail}`, Math.max(1, width - 2)).slice(0, 2) : [];
  const fixed = 2 + (step.hint ? 1 : 0) + (field.error ? 1 : 0) + detail.length;
  const listH = Math.max(0, height - fixed);
  const start = windowStart(cursor, shown.length, listH);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Line text={step.label} bold width={width} />
      {step.hint ? <Line text={step.hint} tone="muted" width={width} /> : null}
      <Row width={width}>
        <Span text={step.choices ? 'filter> ' : '> '} tone="accent" />
        <Span text={field.text} />
        <Span text="_" tone="accent" inverse />
      </Row>
      {field.error ? <Line text={field.error} tone="crit" width={width} /> : null}
      {shown.slice(start, start + listH).map((c, i) => {
        const selected = start + i === cursor;
        return (
          <Row key={c.value} width={width}>
            <Span text={`${selected ? '>' : ' '} ${c.label}`} inverse={selected} bold={selected} />
            {c.detail ? <Span text={`  ${c.detail}`} tone="muted" /> : null}
          </Row>
        );
      })}
      {detail.map((l, i) => (
        <Line key={`detail-${i}`} text={`  ${l}`} tone="muted" width={width} />
      ))}
    </Box>
  );
}
