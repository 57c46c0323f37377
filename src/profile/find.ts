// Where the service profile is: --service FILE, then WARROOM_SERVICE_FILE, then warroom.yaml (or .yml) in
// the working directory. A profile is optional for most commands: absent means "ask as before".
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { notFound, usageError } from '../core/index.js';
import { parseProfile } from './parse.js';
import type { ProfileFile, ServiceProfile } from './schema.js';

export const PROFILE_NAMES = ['warroom.yaml', 'warroom.yml'] as const;
export const SCHEMA_FILE = 'warroom.schema.json';

export interface ProfileLookup {
  /** --service: a profile file (a path that exists or ends in .yaml/.yml) or a service name. */
  service?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

const looksLikeFile = (s: string) => /\.ya?ml$/i.test(s) || s.includes('/') || existsSync(s);

/** The profile file to read, or undefined when none is given or found. */
export function profilePath(lookup: ProfileLookup): string | undefined {
  const cwd = lookup.cwd ?? process.cwd();
  if (lookup.service && looksLikeFile(lookup.service)) return resolve(cwd, lookup.service);
  const fromEnv = lookup.env.WARROOM_SERVICE_FILE?.trim();
  if (fromEnv) return resolve(cwd, fromEnv);
  return PROFILE_NAMES.map((n) => join(cwd, n)).find((p) => existsSync(p));
}

export interface LoadedProfile {
  path: string;
  profile: ProfileFile;
}

export function loadProfile(lookup: ProfileLookup): LoadedProfile | undefined {
  const path = profilePath(lookup);
  if (!path) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw usageError(`${path}: cannot read the service profile (${code === 'ENOENT' ? 'no such file; create it with warroom init' : String(code)})`);
  }
  return { path, profile: parseProfile(text, path) };
}

/** The service an incident is about: the one --service names, else the only one in the file. */
export function pickService(loaded: LoadedProfile, lookup: Pick<ProfileLookup, 'service'>): ServiceProfile {
  const services = loaded.profile.services;
  const wanted = lookup.service && !looksLikeFile(lookup.service) ? lookup.service : undefined;
  if (wanted) {
    const found = services.find((s) => s.name === wanted);
    if (!found) throw notFound(`no service "${wanted}" in ${loaded.path} (it has ${services.map((s) => s.name).join(', ')})`);
    return found;
  }
  if (services.length === 1) return services[0]!;
  throw usageError(`${loaded.path} describes ${services.length} services (choose one with --service ${services.map((s) => s.name).join('|')})`);
}
