// Parses a runbook file keeping the node ranges, so a problem found later (by zod, at a path inside the
// document) can be reported at the line where it is written.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface Problem {
  file: string;
  line?: number;
  /** Where in the document, e.g. steps[2].verify.operation. */
  path?: string;
  message: string;
}

export interface ParsedYaml {
  doc: Document;
  lines: LineCounter;
  data: unknown;
  problems: Problem[];
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problems: Problem[] = doc.errors.map((e) => ({
    file,
    line: lines.linePos(e.pos[0]).line,
    message: `YAML syntax: ${e.message.split('\n')[0]}`,
  }));
  if (problems.length) return { doc, lines, data: undefined, problems };
  let data: unknown;
  try {
    // An alias expands to a copy of its anchor: a few nested ones (a "billion laughs" file) would expand
    // into gigabytes, so expansions are capped.
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
    const limit = /alias/i.test(reason) ? ` (a runbook may expand at most ${MAX_ALIAS_EXPANSIONS} aliases)` : '';
    return { doc, lines, data: undefined, problems: [{ file, message: `YAML: ${reason}${limit}` }] };
  }
  const loop = aliasLoop(doc, lines);
  if (loop) return { doc, lines, data: undefined, problems: [{ file, ...loop }] };
  return { doc, lines, data, problems };
}

/** How many alias expansions one runbook may make (yaml's maxAliasCount). */
export const MAX_ALIAS_EXPANSIONS = 100;

/** An alias inside the node its anchor names (`a: &x [*x]`) makes the data refer to itself; nothing can validate that. */
function aliasLoop(doc: Document, lines: LineCounter): { line: number; message: string } | undefined {
  let found: { line: number; message: string } | undefined;
  const open = new Set<string>();
  const walk = (node: unknown): void => {
    if (found || node === null || typeof node !== 'object') return;
    if (isAlias(node)) {
      if (open.has(node.source)) found = { line: lines.linePos(node.range?.[0] ?? 0).line, message: `alias *${node.source} is inside its own anchor &${node.source}: the data would contain itself` };
      return;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) open.add(anchor);
    if (isMap(node) || isSeq(node)) for (const item of node.items) walk(item);
    else if (isPair(node)) {
      walk(node.key);
      walk(node.value);
    }
    if (anchor) open.delete(anchor);
  };
  walk(doc.contents);
  return found;
}

/** The line of the deepest node along `path` (a key's own line when the path ends at a key). */
export function lineAt(parsed: ParsedYaml, path: readonly PropertyKey[], atKey = false): number | undefined {
  let node: unknown = parsed.doc.contents;
  let offset = rangeStart(node);
  for (const [i, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      if (atKey && i === path.length - 1) break;
      node = pair.value;
      offset = rangeStart(node) ?? offset;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = node.items[segment];
      offset = rangeStart(node) ?? offset;
    } else break;
  }
  return offset === undefined ? undefined : parsed.lines.linePos(offset).line;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** steps[2].verify.operation */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)), '');
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return p.path ? `${where}: ${p.path}: ${p.message}` : `${where}: ${p.message}`;
}
