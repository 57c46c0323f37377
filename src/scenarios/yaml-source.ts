// Parses a runbook file keeping the node ranges, so a problem found later (by zod, at a path inside the
// document) can be reported at the line where it is written.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

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
  return { doc, lines, data: problems.length ? undefined : doc.toJS({ maxAliasCount: 100 }), problems };
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
