// Every string reaches the terminal through Line or Span: sanitized (no escape sequences, no \r or \b)
// and truncated to one line, so the frame never grows past the terminal's height.
import { Box, Text } from 'ink';
import { Children, createContext, useContext, type ReactNode } from 'react';
import { sanitizeLine } from '../../core/index.js';
import { makeTheme, type Theme, type Token } from '../theme.js';

export const ThemeContext = createContext<Theme>(makeTheme({}));
export const useTheme = () => useContext(ThemeContext);

interface SpanProps {
  text: unknown;
  tone?: Token;
  bold?: boolean;
  inverse?: boolean;
}

export function Span({ text, tone = 'text', bold, inverse }: SpanProps) {
  const theme = useTheme();
  const color = theme.color(tone);
  // Monochrome themes mark critical text in bold so it still stands out.
  const strong = bold || (theme.mono && tone === 'crit');
  return (
    <Text wrap="truncate-end" {...(color ? { color } : {})} {...(strong ? { bold: true } : {})} {...(inverse ? { inverse: true } : {})}>
      {sanitizeLine(text)}
    </Text>
  );
}

export function Line(props: SpanProps & { width?: number }) {
  return (
    <Box height={1} overflow="hidden" {...(props.width !== undefined ? { width: props.width } : {})}>
      <Span {...props} />
    </Box>
  );
}

/** Several spans on one line: the leading ones keep their width, the last one is clipped at the edge. */
export function Row({ children, width }: { children: ReactNode; width?: number }) {
  const items = Children.toArray(children);
  return (
    <Box height={1} overflow="hidden" flexDirection="row" {...(width !== undefined ? { width } : {})}>
      {items.map((child, i) => (
        <Box key={i} flexShrink={i === items.length - 1 ? 1 : 0}>
          {child}
        </Box>
      ))}
    </Box>
  );
}

export function PaneTitle({ title, focused, extra }: { title: string; focused: boolean; extra?: string }) {
  return (
    <Row>
      <Span text={` ${title} `} tone="accent" bold inverse={focused} />
      {extra ? <Span text={` ${extra}`} tone="muted" /> : null}
    </Row>
  );
}
