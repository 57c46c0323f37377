// The real binary in a real pseudo-terminal, its output fed to a headless xterm so tests read the screen
// a person would see. CI is removed from the environment: Ink renders nothing until exit when CI is set.
import { spawn, type IPty } from 'node-pty';
import xterm from '@xterm/headless';
import { vi } from 'vitest';

export const CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

export interface PtyApp {
  pty: IPty;
  raw: () => string;
  screen: () => string;
  bufferType: () => string;
  press: (data: string) => void;
  /**
   * Pastes text the way a terminal does: newlines sent as carriage returns, wrapped in the bracketed-paste
   * markers only when the program turned bracketed paste on (xterm tracks that mode as it parses output).
   */
  paste: (text: string) => void;
  /** Resizes the pseudo-terminal and the screen reading it, as a terminal window would. */
  resize: (cols: number, rows: number) => void;
  waitFor: (pred: (screen: string) => boolean, timeout?: number) => Promise<void>;
  exited: Promise<{ exitCode: number; signal?: number }>;
  /** Resolves when the output stops changing for a moment, so the screen shows the latest frame. */
  settle: () => Promise<void>;
}

export function startApp(args: string[], opts: { cols: number; rows: number; env?: Record<string, string> }): PtyApp {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI' && !k.startsWith('VITEST')) env[k] = v;
  Object.assign(env, { TERM: 'xterm-256color', WARROOM_ACTOR: 'commander', TZ: 'UTC' }, opts.env ?? {});
  const term = new xterm.Terminal({ cols: opts.cols, rows: opts.rows, allowProposedApi: true });
  const pty = spawn(process.execPath, [CLI, ...args], { cols: opts.cols, rows: opts.rows, env, name: 'xterm-256color' });
  let raw = '';
  let lastData = Date.now();
  pty.onData((d) => {
    raw += d;
    lastData = Date.now();
    term.write(d);
  });
  // Resolves once xterm has also parsed everything the process wrote before it ended.
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) =>
    pty.onExit((e) => setTimeout(() => term.write('', () => resolve(e)), 50)),
  );
  const screen = () => {
    const b = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < b.length; i++) lines.push(b.getLine(i)?.translateToString(true) ?? '');
    return lines.slice(b.baseY).join('\n');
  };
  return {
    pty,
    raw: () => raw,
    screen,
    bufferType: () => term.buffer.active.type,
    press: (data) => pty.write(data),
    paste: (text) => {
      const body = text.replace(/\r?\n/g, '\r');
      pty.write(term.modes.bracketedPasteMode ? `\u001b[200~${body}\u001b[201~` : body);
    },
    resize: (cols, rows) => {
      term.resize(cols, rows);
      pty.resize(cols, rows);
    },
    waitFor: (pred, timeout = 5000) =>
      vi.waitFor(
        async () => {
          await new Promise<void>((r) => term.write('', r));
          if (!pred(screen())) throw new Error(`screen did not match:\n${screen()}`);
        },
        { timeout, interval: 25 },
      ),
    exited,
    settle: () =>
      vi.waitFor(() => {
        if (Date.now() - lastData < 150) throw new Error('still drawing');
      }, { timeout: 3000, interval: 25 }),
  };
}
