// The incident each actor last had open in the console, kept in the state dir so the next start offers it
// (the home screen highlights it, `warroom --last` opens it). One small JSON file, replaced whole.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'last-incident.json';

function readAll(stateDir: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(stateDir, 'console', FILE), 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    // Absent or unreadable: nothing remembered, which only means nothing is offered.
    return {};
  }
}

export function lastIncident(stateDir: string, actor: string): string | undefined {
  return readAll(stateDir)[actor];
}

export function rememberIncident(stateDir: string, actor: string, id: string): void {
  const dir = join(stateDir, 'console');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const all = { ...readAll(stateDir), [actor]: id };
  const tmp = join(dir, `${FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(all)}\n`, { mode: 0o600 });
  renameSync(tmp, join(dir, FILE));
}
