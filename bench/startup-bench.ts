// Process start-up: `warroom --version` against a bare `node -e 0`.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { stats, type Stats } from './stats.js';

function time(args: string[], runs: number): Stats {
  const samples: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i >= 3) samples.push(ms); // the first runs warm the file cache
  }
  return stats(samples);
}

export function benchStartup(runs = 30): { node: Stats; version: Stats; help: Stats; ratio: number } {
  const node = time(['-e', '0'], runs);
  const version = time(['dist/cli.js', '--version'], runs);
  const help = time(['dist/cli.js', '--help'], runs);
  return { node, version, help, ratio: Math.round((version.medianMs / node.medianMs) * 100) / 100 };
}
