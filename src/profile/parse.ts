// Reads a profile's YAML text into a validated profile. Pure: the caller reads the file. Every problem
// becomes one message "<file>:<line>: <what> (<what to do>)" pointing at the offending line.
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ExitCode, WarroomError } from '../core/index.js';
import { profileSchema, type ProfileFile } from './schema.js';

export class ProfileError extends WarroomError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly what: string,
    readonly todo: string,
  ) {
    super(`${file}:${line}: ${what} (${todo})`, ExitCode.usage);
    this.name = 'ProfileError';
  }
}

const pathText = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || 'the file';

function describeIssue(issue: z.core.$ZodIssue, present: boolean): { what: string; todo: string } {
  const where = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return { what: `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} in ${where}`, todo: 'remove it or check its spelling; see warroom.schema.json' };
  }
  if (issue.code === 'invalid_type' && !present) {
    return { what: `${where} is missing`, todo: `add ${where} (${issue.expected})` };
  }
  return { what: `${where}: ${issue.message}`, todo: 'fix the value; see docs/profile.md' };
}

export function parseProfile(text: string, file: string): ProfileFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new ProfileError(file, lineOf(yamlError.pos[0]), `not valid YAML: ${yamlError.message.split('\n')[0]}`, 'fix the indentation or quoting on that line');
  }
  const result = profileSchema.safeParse(doc.toJS() ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // The line of the deepest node the issue's path reaches (a missing field points at its parent).
  let line = 1;
  for (let depth = issue.path.length; depth >= 0; depth--) {
    const node = doc.getIn(issue.path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      line = lineOf(node.range[0]);
      break;
    }
  }
  const { what, todo } = describeIssue(issue, doc.hasIn(issue.path as unknown[]));
  throw new ProfileError(file, line, what, todo);
}
