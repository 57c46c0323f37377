// Bundles the CLI into one file: importing Ink and the AWS SDK unbundled costs hundreds of ms at start-up.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { chmod, cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';

const { version } = JSON.parse(await readFile('package.json', 'utf8'));

// Stale chunks from an earlier build would otherwise pile up next to the new ones.
await rm('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  // Split so `--version` and the scriptable commands never load Ink or the AWS SDK.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  // react-devtools-core is an optional Ink import that is never used at run time.
  // re2 is a native addon: loaded from node_modules at run time.
  external: ['react-devtools-core', 're2'],
  define: { 'process.env.NODE_ENV': '"production"', __WARROOM_VERSION__: JSON.stringify(version) },
  banner: {
    // Some bundled CommonJS dependencies call require(); give them one.
    js: "#!/usr/bin/env node\nimport { createRequire as __warroomCreateRequire } from 'node:module';\nconst require = __warroomCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);

// The built-in runbooks travel next to the bundle; the loader finds dist/runbooks from dist/cli.js or a chunk.
await rm('dist/runbooks', { recursive: true, force: true });
await mkdir('dist/runbooks', { recursive: true });
for (const f of await readdir('src/scenarios/catalog')) {
  if (/\.ya?ml$/.test(f)) await cp(`src/scenarios/catalog/${f}`, `dist/runbooks/${f}`);
}
// Parsed and validated now so the console and the commands need not parse them at every start.
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/runbook-cache.ts', 'dist/runbooks'], { stdio: 'inherit' });
