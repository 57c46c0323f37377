// Draws one question: the label, the typed text with a cursor, and for choices the filtered list with
// the highlighted item (the same index the reducer will pick on Enter). Text with line breaks (a paste)
// is drawn on as many lines as it has, its end kept in view.
import { Box } from 'ink';
import SelectInput from 'ink-select-input';
import { shownChoices, type Choice, type FieldState, type FieldStep } from '../app/field.js';
import { wrapExact, wrapText } from '../format.js';
import { Line, Row, Span } from './text.js';

export function FieldView({ step, field, width, height }: { step: FieldStep; field: FieldState; width: number; height: number }) {
  const shown = shownChoices(step, field.text);
  const cursor = Math.min(field.cursor, Math.max(0, shown.length - 1));
  // The highlighted choice's detail in full below the list (a ranked scenario's reasons run past its row).
  const detail = shown[cursor]?.detail ? wrapText(`${shown[cursor]!.detail}`, Math.max(1, width - 2)).slice(0, 2) : [];
  const fixed = 1 + (step.hint ? 1 : 0) + (field.error ? 1 : 0) + detail.length;
  const textLines = step.choices ? [field.text] : wrapExact(field.text, Math.max(10, width - 4));
  const textH = Math.max(1, Math.min(textLines.length, height - fixed - 1));
  const visible = textLines.slice(-textH);
  const listH = Math.max(0, height - fixed - textH);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Line text={step.label} bold width={width} />
      {step.hint ? <Line text={step.hint} tone="muted" width={width} /> : null}
      {visible.map((l, i) => (
        <Row key={`t${i}`} width={width}>
          <Span text={i > 0 ? '  ' : textLines.length > textH ? '… ' : step.choices ? 'filter> ' : '> '} tone="accent" />
          <Span text={l} />
          {i === visible.length - 1 ? <Span text="_" tone="accent" inverse /> : null}
        </Row>
      ))}
      {field.error ? <Line text={field.error} tone="crit" width={width} /> : null}
      {listH > 0 && shown.length > 0 ? <ChoiceList choices={shown} cursor={cursor} width={width} height={listH} /> : null}
      {detail.map((l, i) => (
        <Line key={`detail-${i}`} text={`  ${l}`} tone="muted" width={width} />
      ))}
    </Box>
  );
}

interface Item {
  key: string;
  label: string;
  value: string;
}

/**
 * ink-select-input draws the list; the reducer keeps the highlight and reads the keys (the component's own
 * keys are off: its number keys would pick a choice while a filter is typed). It takes the highlight only
 * when mounted, so the list is remounted whenever the highlight or the choices change.
 */
function ChoiceList({ choices, cursor, width, height }: { choices: Choice[]; cursor: number; width: number; height: number }) {
  const items: Item[] = choices.map((c) => ({ key: c.value, label: c.label, value: c.value }));
  const details = new Map(choices.map((c) => [c.label, c.detail ?? '']));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <SelectInput<string>
        key={`${cursor}:${choices.map((c) => c.value).join('\u0000')}`}
        items={items}
        initialIndex={cursor}
        limit={height}
        isFocused={false}
        indicatorComponent={Indicator}
        itemComponent={(props: { isSelected?: boolean; label: string }) => <ItemRow {...props} width={width - 2} detail={details.get(props.label) ?? ''} />}
      />
    </Box>
  );
}

function Indicator({ isSelected }: { isSelected?: boolean }) {
  return <Span text={isSelected ? '> ' : '  '} inverse={!!isSelected} bold={!!isSelected} />;
}

function ItemRow({ isSelected, label, detail, width }: { isSelected?: boolean; label: string; detail: string; width: number }) {
  return (
    <Row width={width}>
      <Span text={label} inverse={!!isSelected} bold={!!isSelected} />
      {detail ? <Span text={`  ${detail}`} tone="muted" /> : null}
    </Row>
  );
}
