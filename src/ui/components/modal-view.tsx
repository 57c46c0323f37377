// The modal on top of the stack, drawn in place of the body: help, prompt, draft, full text or confirmation.
import { Box } from 'ink';
import { bindingsFor, keyLabel, LAYER_TITLE } from '../keymap.js';
import type { AppState, Modal } from '../app/state.js';
import { padEnd, viewLines, viewPageHeight, wrapText } from '../format.js';
import { FieldView } from './field-view.js';
import { ReviewScreen } from '../panes/review.js';
import { Line, Row, Span } from './text.js';

export function ModalView({ s, m, width, height }: { s: AppState; m: Modal; width: number; height: number }) {
  switch (m.kind) {
    case 'help':
      return <HelpView m={m} width={width} height={height} />;
    case 'confirm':
      return (
        <Box flexDirection="column" width={width} height={height}>
          <Line text={m.text} tone="warn" bold />
          <Line text={m.purpose === 'resolve' ? 'y resolves, n / Esc / x goes back' : m.purpose === 'after-resolved' ? 'y starts it, n / Esc / x goes back' : m.purpose === 'review-close' ? 'y closes the review (recorded), n / Esc / x goes back' : m.purpose === 'quit' ? 'y quits, n / Esc / x stays' : 'y discards, n / Esc / x goes back to the form (answers kept)'} tone="muted" />
        </Box>
      );
    case 'draft': {
      const lines = wrapText(m.text, Math.max(10, width - 1));
      return (
        <Box flexDirection="column" width={width} height={height} overflow="hidden">
          <Line text={`Status update (${m.updateKind}) for ${s.incident?.id ?? ''}`} tone="accent" bold />
          {lines.slice(0, Math.max(0, height - 3)).map((l, i) => (
            <Line key={i} text={l || ' '} width={width} />
          ))}
          <Line text=" " />
          <Line text="s / Enter: send (recorded as comms.sent, written to a file, copied)   e: add a line   Esc / x: close" tone="muted" />
        </Box>
      );
    }
    case 'review':
      return <ReviewScreen s={s} m={m} width={width} height={height} />;
    case 'view':
      return <TextView m={m} cols={s.cols} rows={s.rows} width={width} height={height} />;
    case 'prompt': {
      const step = m.steps[m.index]!;
      return (
        <Box flexDirection="column" width={width} height={height} overflow="hidden">
          <Line text={`${m.title}${m.steps.length > 1 ? ` (${m.index + 1}/${m.steps.length})` : ''}   Enter accepts, Esc / Ctrl+X cancels`} tone="accent" bold />
          <FieldView step={step} field={m.field} width={width} height={height - 1} />
        </Box>
      );
    }
  }
}

function HelpView({ m, width, height }: { m: Extract<Modal, { kind: 'help' }>; width: number; height: number }) {
  const layers = [...m.layers, ...(m.layers.includes('field') ? [] : (['global'] as const))];
  const lines: { text: string; head?: boolean }[] = [];
  for (const layer of [...new Set(layers)]) {
    lines.push({ text: LAYER_TITLE[layer], head: true });
    for (const b of bindingsFor([layer])) lines.push({ text: `  ${padEnd(b.keys.map(keyLabel).join(' / '), 22)} ${b.label}` });
  }
  const bodyH = Math.max(1, height - 1);
  const start = Math.min(m.scroll, Math.max(0, lines.length - bodyH));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Row>
        <Span text="Keys for this screen" tone="accent" bold />
        <Span text="   j/k scroll, ? / Esc / x closes" tone="muted" />
      </Row>
      {lines.slice(start, start + bodyH).map((l, i) => (
        <Line key={i} text={l.text} {...(l.head ? { tone: 'accent' as const, bold: true } : {})} width={width} />
      ))}
    </Box>
  );
}

/**
 * Long text shown whole: wrapped to the width, scrolled by the reducer. Lines are drawn without any
 * prefix, so selecting them with the mouse gives the text itself.
 */
function TextView({ m, cols, rows, width, height }: { m: Extract<Modal, { kind: 'view' }>; cols: number; rows: number; width: number; height: number }) {
  const lines = viewLines(m.text, cols);
  const page = Math.min(viewPageHeight(rows), Math.max(1, height - 2));
  const start = Math.min(m.scroll, Math.max(0, lines.length - page));
  const more = lines.length > page ? `lines ${start + 1}-${Math.min(lines.length, start + page)} of ${lines.length}, j/k PgUp/PgDn scroll, ` : '';
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Row width={width}>
        <Span text={m.title} tone="accent" bold />
        <Span text={`   ${more}Esc / x closes`} tone="muted" />
      </Row>
      {lines.slice(start, start + page).map((l, i) => (
        <Line key={i} text={l || ' '} width={width} />
      ))}
    </Box>
  );
}
