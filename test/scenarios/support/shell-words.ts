// A small POSIX shell word splitter for checking runbook commands: quotes, backslashes, line continuations,
// $(...) kept inside words, and the control operators that separate simple commands. It throws on an
// unbalanced quote or $( so a command that would not paste into a shell fails the test.

export type ShellToken = { word: string } | { op: string };

const OPERATORS = ['&&', '||', ';;', '|', ';', '&', '\n'];

export function shellWords(input: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const flush = () => {
    if (inWord) tokens.push({ word });
    word = '';
    inWord = false;
  };
  while (i < input.length) {
    const c = input[i]!;
    if (c === '\\') {
      if (input[i + 1] === '\n') {
        i += 2; // line continuation
        continue;
      }
      if (i + 1 >= input.length) throw new Error('command ends with a lone backslash');
      word += input[i + 1];
      inWord = true;
      i += 2;
    } else if (c === "'") {
      const end = input.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unbalanced single quote at character ${i + 1}`);
      word += input.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      inWord = true;
      for (;;) {
        if (i >= input.length) throw new Error('unbalanced double quote');
        const d = input[i]!;
        if (d === '"') break;
        if (d === '\\' && i + 1 < input.length && '$`"\\\n'.includes(input[i + 1]!)) {
          word += input[i + 1];
          i += 2;
          continue;
        }
        if (d === '$' && input[i + 1] === '(') {
          const end = matchParen(input, i + 1);
          word += input.slice(i, end + 1);
          i = end + 1;
          continue;
        }
        word += d;
        i++;
      }
      i++;
    } else if (c === '$' && input[i + 1] === '(') {
      const end = matchParen(input, i + 1);
      word += input.slice(i, end + 1);
      inWord = true;
      i = end + 1;
    } else if (c === '#' && !inWord) {
      while (i < input.length && input[i] !== '\n') i++;
    } else if (c === ' ' || c === '\t') {
      flush();
      i++;
    } else {
      const op = OPERATORS.find((o) => input.startsWith(o, i));
      if (op) {
        flush();
        tokens.push({ op });
        i += op.length;
      } else if (c === '(' || c === ')' || c === '<' || c === '>') {
        throw new Error(`unquoted "${c}" at character ${i + 1}: quote it or drop the subshell/redirect`);
      } else {
        word += c;
        inWord = true;
        i++;
      }
    }
  }
  flush();
  return tokens;
}

function matchParen(input: string, open: number): number {
  let depth = 0;
  for (let i = open; i < input.length; i++) {
    if (input[i] === '(') depth++;
    else if (input[i] === ')' && --depth === 0) return i;
  }
  throw new Error('unbalanced $( ... )');
}

/** The simple commands of a command line, split at |, &&, ||, ;, & and newlines; `do`/`then` prefixes dropped. */
export function simpleCommands(input: string): string[][] {
  const commands: string[][] = [[]];
  for (const t of shellWords(input)) {
    if ('op' in t) commands.push([]);
    else commands[commands.length - 1]!.push(t.word);
  }
  return commands
    .map((c) => (c[0] === 'do' || c[0] === 'then' || c[0] === 'else' ? c.slice(1) : c))
    .filter((c) => c.length > 0 && !['done', 'fi'].includes(c[0]!));
}
