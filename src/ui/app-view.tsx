// The root view: reads the store, turns key presses into messages and picks the screen. The frame is one
// row shorter than the terminal so Ink redraws in place instead of clearing the screen (no flicker).
import { Box, useInput, useStdout } from 'ink';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Clock } from '../core/clock.js';
import type { AppStore } from './app/store.js';
import { MIN_COLS, MIN_ROWS, tooSmall, type AppState } from './app/state.js';
import { activeLayers } from './app/update.js';
import { ModalView } from './components/modal-view.js';
import { Line, Row, Span, ThemeContext } from './components/text.js';
import { bindingsFor, keyLabel } from './keymap.js';
import { createInputDecoder } from './keys.js';
import { DeclareScreen } from './screens/declare.js';
import { HomeScreen } from './screens/home.js';
import { IncidentScreen } from './screens/incident.js';
import type { Theme } from './theme.js';

export function App({ store, theme, clock, timeZone }: { store: AppStore; theme: Theme; clock: Clock; timeZone?: string }) {
  const s = useSyncExternalStore(store.subscribe, store.getState);
  const decode = useRef(createInputDecoder()).current;
  useInput((input, key) => {
    for (const i of decode(input, key)) store.dispatch(i.type === 'key' ? { type: 'key', key: i.key, at: clock.now() } : { type: 'paste', text: i.text });
  });
  const { stdout } = useStdout();
  useEffect(() => {
    const onResize = () => store.dispatch({ type: 'resize', cols: stdout.columns || MIN_COLS, rows: stdout.rows || MIN_ROWS });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, store]);
  return (
    <ThemeContext.Provider value={theme}>
      <Frame s={s} {...(timeZone ? { timeZone } : {})} />
    </ThemeContext.Provider>
  );
}

function Frame({ s, timeZone }: { s: AppState; timeZone?: string }) {
  const height = s.rows - 1;
  if (tooSmall(s)) {
    return (
      <Box flexDirection="column" width={s.cols} height={Math.max(1, height)} overflow="hidden">
        <Line text={`Terminal too small: ${s.cols}x${s.rows}.`} tone="warn" bold />
        <Line text={`warroom needs at least ${MIN_COLS}x${MIN_ROWS}. Resize, or press q to quit.`} />
      </Box>
    );
  }
  const bodyH = height - 1;
  const top = s.modals.at(-1);
  let body;
  if (s.screen === 'incident' && s.incident) body = <IncidentScreen s={s} v={s.incident} height={bodyH} {...(timeZone ? { timeZone } : {})} />;
  else if (top) body = <ModalView s={s} m={top} width={s.cols} height={bodyH} />;
  else if (s.screen === 'declare') body = <DeclareScreen s={s} height={bodyH} />;
  else body = <HomeScreen s={s} height={bodyH} />;
  return (
    <Box flexDirection="column" width={s.cols} height={height} overflow="hidden">
      <Box height={bodyH} overflow="hidden">
        {body}
      </Box>
      <Footer s={s} />
    </Box>
  );
}

/** Commands the footer leaves to the help screen, so the ones that matter fit on one line. */
const HIDDEN_HINTS = new Set(['up', 'down', 'first', 'last', 'older', 'newer', 'page-older', 'page-newer', 'oldest', 'newest', 'erase', 'clear', 'quit-now', 'prev-pane', 'back-step', 'role', 'severity', 'status', 'milestone', 'decision', 'action-item', 'fail', 'skip']);

function Footer({ s }: { s: AppState }) {
  if (s.toast) return <Line text={` ${s.toast.text}`} tone={s.toast.tone} width={s.cols} />;
  const hints = bindingsFor(activeLayers(s))
    .filter((b) => !HIDDEN_HINTS.has(b.command) && !b.command.startsWith('pane-'))
    .map((b) => `${keyLabel(b.keys[0]!)} ${b.command}`);
  return (
    <Row width={s.cols}>
      <Span text={` ${hints.join('  ')}`} tone="muted" />
    </Row>
  );
}
