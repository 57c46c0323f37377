// WARROOM_TRACE_STARTUP=<file>: start-up marks appended to that file (never the terminal: the console owns
// it), each as ms since the process started and CPU ms used so far (steadier than wall time on a busy machine).
// Costs one env lookup per mark when unset.
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const marks: string[] = [];

export function traceMark(name: string): void {
  if (!process.env.WARROOM_TRACE_STARTUP) return;
  const cpu = process.cpuUsage();
  marks.push(`${performance.now().toFixed(1).padStart(8)} ${((cpu.user + cpu.system) / 1000).toFixed(1).padStart(8)} ${name}`);
}

/** Writes the marks so far; called once the first frame is on screen, so the write is not measured. */
export function flushTrace(): void {
  const file = process.env.WARROOM_TRACE_STARTUP;
  if (!file || marks.length === 0) return;
  try {
    appendFileSync(file, `${marks.join('\n')}\n--\n`);
  } catch {
    /* tracing never breaks the console */
  }
  marks.length = 0;
}
