// Finding the built-in runbooks from source, from the esbuild bundle (dist/cli.js + dist/chunks), or from env.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRunbooksDir, loadCatalog } from '../../src/scenarios/index.js';

const bundle = resolve('dist/cli.js');
const noBundle = !existsSync(bundle) || !existsSync(resolve('dist/runbooks'));
if (noBundle) console.warn('skipping the bundle test: dist/cli.js or dist/runbooks is missing (run npm run build)');

describe('builtinRunbooksDir', () => {
  it('uses WARROOM_BUILTIN_RUNBOOKS when set', () => {
    expect(builtinRunbooksDir({ WARROOM_BUILTIN_RUNBOOKS: '/opt/runbooks' })).toBe('/opt/runbooks');
  });

  it('finds runbooks/ next to the bundle when called from a chunk', () => {
    const root = mkdtempSync(join(tmpdir(), 'warroom-dist-'));
    mkdirSync(join(root, 'dist', 'chunks'), { recursive: true });
    mkdirSync(join(root, 'dist', 'runbooks'));
    writeFileSync(join(root, 'dist', 'cli.js'), '');
    const from = pathToFileURL(join(root, 'dist', 'chunks', 'main-ABC.js')).href;
    expect(builtinRunbooksDir({}, from)).toBe(join(root, 'dist', 'runbooks'));
  });

  it('ignores a runbooks/ directory that is not next to a bundle', () => {
    const root = mkdtempSync(join(tmpdir(), 'warroom-src-'));
    mkdirSync(join(root, 'runbooks'));
    mkdirSync(join(root, 'src', 'scenarios', 'catalog'), { recursive: true });
    const from = pathToFileURL(join(root, 'src', 'scenarios', 'catalog.ts')).href;
    expect(builtinRunbooksDir({}, from)).toBe(join(root, 'src', 'scenarios', 'catalog'));
  });

  it('reports a missing built-in directory as a problem instead of failing', () => {
    const catalog = loadCatalog({ builtinDir: join(tmpdir(), 'warroom-no-such-dir') });
    expect(catalog.scenarios).toEqual([]);
    expect(catalog.problems[0]!.message).toBe('no such file or directory');
  });
});

describe('the bundle', () => {
  it.skipIf(noBundle)('lists the runbooks copied to dist/runbooks, from any working directory', () => {
    const out = execFileSync(process.execPath, [bundle, 'scenarios', 'list', '--json'], { cwd: tmpdir(), env: { ...process.env, WARROOM_BUILTIN_RUNBOOKS: '' }, encoding: 'utf8' });
    const rows = JSON.parse(out) as { id: string; file: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(rows[0]!.file).toContain(join('dist', 'runbooks'));
  });
});
