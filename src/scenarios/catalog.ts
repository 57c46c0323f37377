// The catalog: the built-in runbooks, then <state-dir>/runbooks, then each --runbooks dir. A later file with
// the same id overrides an earlier one (and says so); a broken file is reported and skipped, never fatal.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notFound } from '../core/index.js';
import { loadScenarioFile, type LoadedFile } from './load-file.js';
import { readParsedCache } from './parsed-cache.js';
import type { Scenario } from './schema.js';
import type { Problem } from './yaml-source.js';

export interface CatalogResult {
  scenarios: Scenario[];
  problems: Problem[];
  overrides: { id: string; file: string; replaced: string }[];
  /** Where each scenario was read from, by id. */
  files: Record<string, { file: string; builtin: boolean }>;
}

export interface CatalogOptions {
  dirs?: string[];
  stateDir?: string;
  /** Defaults to the built-in catalog; tests may point elsewhere. */
  builtinDir?: string;
  env?: NodeJS.ProcessEnv;
}

export function loadCatalog(opts: CatalogOptions = {}): CatalogResult {
  const result: CatalogResult = { scenarios: [], problems: [], overrides: [], files: {} };
  const byId = new Map<string, Scenario>();
  const builtin = opts.builtinDir ?? builtinRunbooksDir(opts.env ?? process.env);
  const sources: { dir: string; builtin: boolean; optional: boolean }[] = [{ dir: builtin, builtin: true, optional: false }];
  if (opts.stateDir) sources.push({ dir: join(opts.stateDir, 'runbooks'), builtin: false, optional: true });
  for (const dir of opts.dirs ?? []) sources.push({ dir, builtin: false, optional: false });

  for (const source of sources) {
    const listed = listRunbookFiles(source.dir);
    if (listed.problem) {
      if (!source.optional) result.problems.push(listed.problem);
      continue;
    }
    const seenHere = new Map<string, string>();
    const cache = source.builtin ? readParsedCache(source.dir) : undefined;
    for (const file of listed.files) {
      const loaded = loadOne(file, cache);
      if (!loaded.scenario) {
        result.problems.push(...loaded.problems);
        continue;
      }
      const { id } = loaded.scenario;
      const twin = seenHere.get(id);
      if (twin) {
        result.problems.push({ file, line: 1, path: 'id', message: `duplicate scenario id "${id}" (also in ${twin}); this file is skipped` });
        continue;
      }
      seenHere.set(id, file);
      const previous = result.files[id];
      if (previous) result.overrides.push({ id, file, replaced: previous.file });
      byId.set(id, loaded.scenario);
      result.files[id] = { file, builtin: source.builtin };
    }
  }
  result.scenarios = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  return result;
}

/** One file's load; even an unforeseen failure stays that file's problem, so the rest of the catalog loads. */
function loadOne(file: string, cache: ReturnType<typeof readParsedCache>): LoadedFile {
  try {
    return loadScenarioFile(file, cache);
  } catch (err) {
    return { file, problems: [{ file, message: `cannot be loaded: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}` }] };
  }
}

export function findScenario(catalog: Pick<CatalogResult, 'scenarios'>, id: string): Scenario {
  const found = catalog.scenarios.find((s) => s.id === id);
  if (found) return found;
  const known = catalog.scenarios.map((s) => s.id);
  const close = known.filter((k) => k.includes(id) || id.includes(k));
  const hint = close.length ? `did you mean ${close.join(', ')}? ` : '';
  throw notFound(`unknown scenario "${id}": ${hint}known scenarios: ${known.join(', ')} (see "warroom scenarios list")`);
}

/** YAML files of a directory (sorted, so overrides are deterministic), or the one file given. */
export function listRunbookFiles(path: string): { files: string[]; problem?: Problem } {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { files: [], problem: { file: path, message: 'no such file or directory' } };
  }
  if (stat.isFile()) return { files: [path] };
  const files = readdirSync(path)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => join(path, f));
  return { files };
}

/**
 * The built-in runbooks: $WARROOM_BUILTIN_RUNBOOKS, else the first directory up from this module that holds
 * src/scenarios/catalog (running from source) or a bundle's cli.js with runbooks/ next to it (dist/).
 */
export function builtinRunbooksDir(env: NodeJS.ProcessEnv = process.env, from: string = import.meta.url): string {
  if (env.WARROOM_BUILTIN_RUNBOOKS) return resolve(env.WARROOM_BUILTIN_RUNBOOKS);
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const source = join(dir, 'src', 'scenarios', 'catalog');
    if (existsSync(source)) return source;
    if (existsSync(join(dir, 'cli.js')) && existsSync(join(dir, 'runbooks'))) return join(dir, 'runbooks');
    const up = dirname(dir);
    if (up === dir) return join(dirname(fileURLToPath(from)), 'catalog');
    dir = up;
  }
}
