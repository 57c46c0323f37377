// Colours only through semantic tokens; NO_COLOR (any value) gives a monochrome theme.
export type Token = 'ok' | 'warn' | 'crit' | 'muted' | 'accent' | 'text';

export interface Theme {
  color(token: Token): string | undefined;
  /** Monochrome themes mark emphasis with bold/inverse instead. */
  mono: boolean;
}

const COLORS: Record<Token, string | undefined> = {
  ok: 'green',
  warn: 'yellow',
  crit: 'red',
  muted: 'gray',
  accent: 'cyan',
  text: undefined,
};

export function makeTheme(env: Record<string, string | undefined>): Theme {
  const mono = env.NO_COLOR !== undefined;
  return { mono, color: (t) => (mono ? undefined : COLORS[t]) };
}
