// Declare (guided triage) and drill set-up: one question at a time, the answers so far beside it.
import { Box } from 'ink';
import { stepsOf } from '../app/declare.js';
import type { AppState } from '../app/state.js';
import { FieldView } from '../components/field-view.js';
import { Line } from '../components/text.js';

export function DeclareScreen({ s, height }: { s: AppState; height: number }) {
  const d = s.declare;
  if (!d) return null;
  const steps = stepsOf(d, s);
  const step = steps[d.index]!;
  const answered = steps.slice(0, d.index).map((st) => `${st.key}: ${d.answers[st.key] ?? ''}`);
  const wide = s.cols >= 110;
  const leftW = wide ? s.cols - 40 : s.cols;
  const title = d.mode === 'live' ? 'Declare an incident' : 'Start a drill (exercise)';
  const head = d.flow === 'quick' ? ` ${title}   Enter declares, Esc keeps a draft (n picks it up)` : ` ${title}: question ${d.index + 1} of ${steps.length}   Enter accepts, Ctrl+B goes back, Esc keeps a draft`;
  return (
    <Box flexDirection="column" width={s.cols} height={height} overflow="hidden">
      <Line text={head} tone="accent" bold />
      {d.creating ? <Line text=" creating the incident..." tone="warn" /> : null}
      {d.details ? <Line text={` + ${d.details.split('\n').length} pasted line(s) after the title, kept: recorded as a note when declared`} tone="muted" /> : null}
      <Box flexDirection="row" height={height - 2 - (d.details ? 1 : 0)}>
        <FieldView step={step} field={d.field} width={leftW} height={height - 2} />
        {wide ? (
          <Box flexDirection="column" width={40} height={height - 2} overflow="hidden">
            <Line text="Answers so far" tone="muted" bold />
            {answered.slice(-(height - 3)).map((a) => (
              <Line key={a} text={a} tone="muted" width={40} />
            ))}
          </Box>
        ) : null}
      </Box>
    </Box>
  );
}
