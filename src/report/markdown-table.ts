// A Markdown table from already-escaped cells.
export function mdTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('l' | 'r')[]): string[] {
  const sep = headers.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [`| ${headers.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map(mdRow)];
}

export const mdRow = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
