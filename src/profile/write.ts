// Writes a service into a profile file (adding it, or replacing the one of the same name) and the JSON
// Schema next to it, so editors complete and check the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { usageError } from '../core/index.js';
import { parseProfile } from './parse.js';
import { SCHEMA_FILE } from './find.js';
import { profileJsonSchema, serviceSchema, type ServiceInput } from './schema.js';

const HEADER = (schema: string) =>
  `# yaml-language-server: $schema=./${schema}\n# The services warroom knows: regions, resources, recovery targets, roster and channels. See docs/profile.md.\n`;

/** Drops empty lists and maps so the written file holds what was found or given, nothing more. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, compact(v)] as const);
    return Object.fromEntries(entries.filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0) && !(v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)));
  }
  return value;
}

export function profileText(services: readonly ServiceInput[]): string {
  return HEADER(SCHEMA_FILE) + stringify({ services: services.map(compact) }, { lineWidth: 0 });
}

export function writeSchema(profilePath: string): string {
  const path = join(dirname(profilePath), SCHEMA_FILE);
  writeFileSync(path, `${JSON.stringify(profileJsonSchema(), null, 2)}\n`);
  return path;
}

/** Adds or replaces one service; the other services in the file are kept. Returns what was written. */
export function writeService(path: string, service: ServiceInput, replace: boolean): { replaced: boolean } {
  serviceSchema.parse(service); // the caller built it; a bad value is a bug, not a user error
  const existing = existsSync(path) ? parseProfile(readFileSync(path, 'utf8'), path).services : [];
  const at = existing.findIndex((s) => s.name === service.name);
  if (at >= 0 && !replace) throw usageError(`${basename(path)} already describes "${service.name}" (pass --force to replace it, or choose another --name)`);
  const services: ServiceInput[] = [...existing];
  if (at >= 0) services[at] = service;
  else services.push(service);
  const text = profileText(services);
  parseProfile(text, path); // what is written must read back
  writeFileSync(path, text);
  return { replaced: at >= 0 };
}
