import { readFileSync } from 'node:fs';

/** Reads the version from package.json when running from source (the bundle has it built in). */
export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
