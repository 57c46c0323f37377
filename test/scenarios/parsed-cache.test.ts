// The build-time cache of the built-in runbooks: used when a file's text matches, ignored when it does not.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Scenario } from '../../src/scenarios/index.js';
import { PARSED_CACHE_FILE, parsedCacheText, readParsedCache, textKey } from '../../src/scenarios/parsed-cache.js';

const source = resolve('src/scenarios/catalog');
const dir = mkdtempSync(join(tmpdir(), 'warroom-parsed-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(source, dir, { recursive: true });
const uncached = loadCatalog({ builtinDir: dir });
const fileOf = (id: string) => uncached.files[id]!.file;

function writeCache(entries: Record<string, Scenario>) {
  writeFileSync(join(dir, PARSED_CACHE_FILE), parsedCacheText(entries));
}

describe('the parsed runbook cache', () => {
  it('holds scenarios that survive JSON unchanged', () => {
    expect(uncached.scenarios.length).toBeGreaterThanOrEqual(30);
    for (const s of uncached.scenarios) expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s);
  });

  it('is used for a file whose text matches', () => {
    const id = uncached.scenarios[0]!.id;
    const text = readFileSync(fileOf(id), 'utf8');
    writeCache({ [textKey(text)]: { ...uncached.scenarios[0]!, title: 'from the cache' } });
    const catalog = loadCatalog({ builtinDir: dir });
    expect(catalog.scenarios.find((s) => s.id === id)!.title).toBe('from the cache');
    expect(catalog.scenarios).toHaveLength(uncached.scenarios.length);
  });

  it('is ignored for a file edited since, and when unreadable', () => {
    const id = uncached.scenarios[1]!.id;
    const file = fileOf(id);
    const text = readFileSync(file, 'utf8');
    writeCache({ [textKey(text)]: { ...uncached.scenarios[1]!, title: 'stale' } });
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: edited after the build'));
    expect(loadCatalog({ builtinDir: dir }).scenarios.find((s) => s.id === id)!.title).toBe('edited after the build');
    writeFileSync(join(dir, PARSED_CACHE_FILE), '{"format":1,"scenarios":');
    expect(readParsedCache(dir)).toBeUndefined();
    expect(loadCatalog({ builtinDir: dir }).problems).toEqual([]);
  });
});

const built = resolve('dist/runbooks');
const noBundle = !existsSync(join(built, PARSED_CACHE_FILE));
if (noBundle) console.warn('skipping the bundle cache test: dist/runbooks/.parsed.json is missing (run npm run build)');

describe('the bundle', () => {
  it.skipIf(noBundle)('caches every built-in runbook, identical to parsing it', () => {
    const cache = readParsedCache(built)!;
    const files = readdirSync(source).filter((f) => /\.ya?ml$/.test(f));
    expect(cache.size).toBe(files.length);
    for (const s of loadCatalog({ builtinDir: source }).scenarios) {
      const text = readFileSync(join(source, `${s.id}.yaml`), 'utf8');
      expect(cache.get(textKey(text))).toStrictEqual(s);
    }
  });
});
