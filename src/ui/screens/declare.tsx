// Declare (guided triage) and drill set-up: one question at a time, the answers so far beside it.
import { Box } from 'ink';
import { declareSteps } from '../app/declare.js';
import type { AppState } from '../app/state.js';
import { FieldView } from '../components/field-view.js';
import { Line } from '../components/text.js';

export function DeclareScreen({ s, height }: { s: AppState; height: number }) {
  const d = s.declare;
  if (!d) return null;
  const steps = declareSteps(d.mode, d.answers, s.catalog, s.firingAlarms);
  const step = steps[d.index]!;
  const answered = steps.slice(0, d.index).map((st) => `${st.key}: ${d.answers[st.key] ?? ''}`);
  const wide = s.cols >= 110;
  const leftW = wide ? s.cols - 40 : s.cols;
  const title = d.mode === 'live' ? 'Declare an incident' : 'Start a drill (exercise)';
  return (
    <Box flexDirection="column" width={s.cols} height={height} overflow="hidden">
      <Line text={` ${title}: question ${d.index + 1} of ${steps.length}   Enter accepts, Ctrl+B goes back, Esc / Ctrl+X cancels`} tone="accent" bold />
      {d.creating ? <Line text=" creating the incident..." tone="warn" /> : null}
      <Box flexDirection="row" height={height - 2}>
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
