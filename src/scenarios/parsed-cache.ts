// The built-in runbooks, parsed and validated when the bundle is built, keyed by the SHA-256 of each file's
// text: a file whose text matches is not parsed again (YAML parsing and validation of the whole catalog is
// the slowest part of start-up); a file edited since, or not in the cache, is read as usual.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from './schema.js';

export const PARSED_CACHE_FILE = '.parsed.json';
const FORMAT = 1;

export type ParsedCache = ReadonlyMap<string, Scenario>;

export const textKey = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The cache next to a runbook directory, or undefined when there is none (running from source) or it is unreadable. */
export function readParsedCache(dir: string): ParsedCache | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, PARSED_CACHE_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  const cache = raw as { format?: unknown; scenarios?: unknown };
  if (cache.format !== FORMAT || typeof cache.scenarios !== 'object' || cache.scenarios === null) return undefined;
  return new Map(Object.entries(cache.scenarios as Record<string, Scenario>));
}

/** The cache file's text for scenarios validated from texts with the given hashes (see scripts/runbook-cache.ts). */
export function parsedCacheText(scenarios: Readonly<Record<string, Scenario>>): string {
  return JSON.stringify({ format: FORMAT, scenarios });
}
