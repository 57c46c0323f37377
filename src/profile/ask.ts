// Questions on standard input, one line per answer, so a pipe can answer them as well as a person.
// At the end of input every further question takes its default.
import { createInterface } from 'node:readline';

export interface Asker {
  ask(question: string, fallback?: string): Promise<string>;
  close(): void;
}

export function lineAsker(input: NodeJS.ReadableStream, show: (line: string) => void): Asker {
  const rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  let ended = false;
  return {
    async ask(question, fallback = '') {
      show(fallback ? `${question} [${fallback}]` : question);
      if (ended) return fallback;
      const next = await lines.next();
      if (next.done) {
        ended = true;
        return fallback;
      }
      return next.value.trim() || fallback;
    },
    close: () => rl.close(),
  };
}

/** Answers nothing: every question takes its default (--yes, scripts). */
export const defaultsAsker: Asker = { ask: async (_q, fallback = '') => fallback, close: () => undefined };
