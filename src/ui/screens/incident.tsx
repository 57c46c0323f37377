// The incident view: banner, then the panes side by side on a large terminal or as tabs on a small one.
import { Box } from 'ink';
import type { ReactElement } from 'react';
import { PANES, type AppState, type IncidentView, type PaneId } from '../app/state.js';
import { Banner } from '../components/banner.js';
import { ModalView } from '../components/modal-view.js';
import { Line, Row, Span } from '../components/text.js';
import { AlarmsPane } from '../panes/alarms.js';
import { ChecklistPane } from '../panes/checklist.js';
import { CommsPane } from '../panes/comms.js';
import { MetricsPane } from '../panes/metrics.js';
import { TimelinePane } from '../panes/timeline.js';

/** Side-by-side panes need this much room; below it the panes become tabs. */
export const WIDE = { cols: 120, rows: 30 };

function pane(id: PaneId, s: AppState, v: IncidentView, width: number, height: number): ReactElement {
  const p = { s, v, width, height, focused: v.pane === id };
  switch (id) {
    case 'checklist':
      return <ChecklistPane key={id} {...p} />;
    case 'metrics':
      return <MetricsPane key={id} {...p} />;
    case 'alarms':
      return <AlarmsPane key={id} {...p} />;
    case 'timeline':
      return <TimelinePane key={id} v={v} width={width} height={height} focused={p.focused} />;
    case 'comms':
      return <CommsPane key={id} {...p} />;
  }
}

export function IncidentScreen({ s, v, height, timeZone }: { s: AppState; v: IncidentView; height: number; timeZone?: string }) {
  // A journal that fails verification says so on every frame, above everything else in the view.
  const warning = v.chainProblem ? `JOURNAL FAILS VERIFICATION at ${v.chainProblem}: do not trust this record (warroom verify ${v.id})` : undefined;
  const bodyH = height - 2 - (warning ? 1 : 0);
  const top = s.modals.at(-1);
  let body: ReactElement;
  if (top) body = <ModalView s={s} m={top} width={s.cols} height={bodyH} />;
  else if (s.cols >= WIDE.cols && s.rows >= WIDE.rows) {
    const leftW = Math.floor(s.cols * 0.58);
    const rightW = s.cols - leftW - 1;
    const checkH = Math.floor(bodyH * 0.55);
    const metricsH = Math.floor(bodyH * 0.4);
    const alarmsH = Math.floor(bodyH * 0.3);
    body = (
      <Box flexDirection="row" height={bodyH}>
        <Box flexDirection="column" width={leftW}>
          {pane('checklist', s, v, leftW, checkH)}
          {pane('timeline', s, v, leftW, bodyH - checkH)}
        </Box>
        <Box width={1} />
        <Box flexDirection="column" width={rightW}>
          {pane('metrics', s, v, rightW, metricsH)}
          {pane('alarms', s, v, rightW, alarmsH)}
          {pane('comms', s, v, rightW, bodyH - metricsH - alarmsH)}
        </Box>
      </Box>
    );
  } else {
    body = (
      <Box flexDirection="column" height={bodyH}>
        <Row>
          {PANES.map((id, i) => (
            <Span key={id} text={` ${i + 1} ${id} `} tone={v.pane === id ? 'accent' : 'muted'} inverse={v.pane === id} />
          ))}
        </Row>
        {pane(v.pane, s, v, s.cols, bodyH - 1)}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={s.cols} height={height} overflow="hidden">
      <Banner s={s} v={v} {...(timeZone ? { timeZone } : {})} />
      {warning ? <Line text={warning} tone="crit" width={s.cols} /> : null}
      {body}
    </Box>
  );
}
