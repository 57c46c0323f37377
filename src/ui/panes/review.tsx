// The postmortem review screen: every section with its state on the left of each row, then the selected
// section whole (as written, or its draft with the `[#seq]` events each statement rests on).
import { Box } from 'ink';
import { draftText } from '../../core/review/facts.js';
import { reviewView, sectionState, type ReviewModal } from '../app/review-screen.js';
import type { AppState } from '../app/state.js';
import { padEnd, wrapText } from '../format.js';
import { Line, Row, Span } from '../components/text.js';

const STATE_TONE = { written: 'ok', 'draft only': 'warn', empty: 'muted' } as const;

export function ReviewScreen({ s, m, width, height }: { s: AppState; m: ReviewModal; width: number; height: number }) {
  const v = s.incident;
  if (!v) return null;
  const review = reviewView(s, v);
  const row = review.sections[m.cursor]!;
  const state = sectionState(row);
  const body = row.text !== null ? row.text : row.draft.length ? draftText(row) : '(nothing on the record suggests a draft; e writes the section)';
  const head = row.text !== null ? `${row.title}: written by ${row.by ?? ''} (seq ${row.seq ?? ''}${row.corrections.length ? `, corrected ${row.corrections.length} time(s)` : ''})` : `${row.title}: ${state === 'empty' ? 'empty' : 'draft from the record (a accepts it, e writes your own)'}`;
  const room = Math.max(1, height - review.sections.length - 4);
  const lines = wrapText(body, Math.max(10, width - 2)).slice(0, room);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Row width={width}>
        <Span text={`Postmortem review of ${v.id}: ${review.status}`} tone="accent" bold />
        <Span text="   j/k select  a accept draft  e write  D close review  Esc back" tone="muted" />
      </Row>
      {review.sections.map((r, i) => (
        <Row key={r.section} width={width}>
          <Span text={`${i === m.cursor ? '>' : ' '} ${padEnd(r.title, 26)} `} {...(i === m.cursor ? { bold: true } : {})} />
          <Span text={sectionState(r)} tone={STATE_TONE[sectionState(r)]} />
        </Row>
      ))}
      <Line text=" " />
      <Line text={head} tone="accent" width={width} />
      {lines.map((l, i) => (
        <Line key={i} text={` ${l || ' '}`} width={width} />
      ))}
    </Box>
  );
}
