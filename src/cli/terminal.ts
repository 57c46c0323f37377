// Owns the terminal while the console runs: the alternate screen and bracketed paste, and restoring both
// (screen, cursor, paste mode, raw mode) however the process ends: a normal exit, Ctrl+C, SIGTERM/SIGHUP/SIGINT,
// an uncaught exception or rejection. Bracketed paste makes the terminal mark pasted text, so a paste is
// read as text and never as key presses (a left-on paste mode would garble the shell afterwards).
import { sanitize } from '../core/index.js';
const ENTER = '\u001b[?1049h\u001b[H\u001b[2J\u001b[?2004h';
const LEAVE = '\u001b[?2004l\u001b[?25h\u001b[?1049l';
const SIGNAL_EXIT = { SIGINT: 130, SIGHUP: 129, SIGTERM: 143 } as const;

export interface TerminalGuard {
  restore(): void;
}

export function takeTerminal(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, err: (line: string) => void): TerminalGuard {
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch {
      /* the stream may already be closed */
    }
    stdout.write(LEAVE);
    process.off('exit', restore);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    for (const [signal, handler] of onSignal) process.off(signal, handler);
  };
  const onCrash = (e: unknown) => {
    restore();
    err(`warroom: unexpected error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
    process.exit(1);
  };
  // Exit the way a shell reports death by that signal: 128 + its number.
  const onSignal = (Object.entries(SIGNAL_EXIT) as [NodeJS.Signals, number][]).map(
    ([signal, code]) => [signal, () => (restore(), process.exit(code))] as const,
  );
  process.on('exit', restore);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  for (const [signal, handler] of onSignal) process.on(signal, handler);
  stdout.write(ENTER);
  return { restore };
}

/** Writes text to the terminal's clipboard with OSC 52 (terminals that do not support it ignore it). */
export function osc52(stdout: Pick<NodeJS.WriteStream, 'write'>, text: string): void {
  // The payload is base64, so it cannot end the sequence early, but what is pasted later must hold no escapes.
  stdout.write(`\u001b]52;c;${Buffer.from(sanitize(text), 'utf8').toString('base64')}\u0007`);
}
