// `npm run bench` (`-- --quick` for the small sizes only, in under a minute): every measurement in one run,
// each against its baseline measured in the same run, printed as a table and saved to .bench/latest.json
// (the run before is kept as .bench/previous.json and compared with).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { firstFrame } from './console-bench.js';
import { benchLogStdin } from './journal-bench.js';
import { benchSize, reportCommands, timeNode, type SizeFigures } from './sizes-bench.js';
import { benchFeeds, printFeeds, type FeedsFigures } from './feeds-bench.js';
import { round, verdict } from './stats.js';

const quick = process.argv.includes('--quick');
const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000];
const previous = existsSync('.bench/latest.json') ? (JSON.parse(readFileSync('.bench/latest.json', 'utf8')) as Results) : undefined;

interface Results {
  at: string;
  node: string;
  quick: boolean;
  nodeStart: { medianMs: number; rssMb: number };
  sizes: SizeFigures[];
  logStdin: Awaited<ReturnType<typeof benchLogStdin>>;
  firstFrameEmpty: Awaited<ReturnType<typeof firstFrame>>;
  feeds?: FeedsFigures[];
}

const pad = (v: unknown, n: number) => String(v).padStart(n);
const was = (now: number, before: number | undefined) => (before === undefined || !Number.isFinite(before) ? '' : ` (was ${before})`);

const started = performance.now();
const nodeStart = timeNode(['-e', '0'], quick ? 5 : 11);
console.log(`node -e 0: median ${nodeStart.medianMs} ms, ${nodeStart.rssMb} MB`);

const results: Partial<Results> = { at: new Date().toISOString(), node: process.version, quick, nodeStart, sizes: [] };
for (const n of sizes) {
  const big = n >= 1_000_000;
  const s = await benchSize(n, { runs: big ? 3 : quick ? 3 : 5, heavy: !big, appends: quick ? 150 : big ? 300 : 500, frames: big ? 3 : 5, keys: quick ? 60 : big ? 100 : 200 });
  results.sizes!.push(s);
  const before = previous?.sizes.find((p) => p.events === n);
  console.log(`== ${n.toLocaleString('en')} events (${s.journalMb} MB journal, generated in ${s.generateMs} ms) ==`);
  for (const c of s.commands) {
    const b = before?.commands.find((x) => x.name === c.name);
    console.log(`  ${c.name.padEnd(26)} ${pad(c.medianMs, 9)} ms ${pad(c.rssMb, 5)} MB  (${c.runs} runs)${was(c.medianMs, b?.medianMs)}`);
  }
  const a = s.append;
  console.log(`  append (fsynced)           median ${a.warroom.medianMs} ms, p99 ${a.warroom.p99Ms} ms; raw write+fsync median ${a.raw.medianMs} ms, p99 ${a.raw.p99Ms} ms: ${a.ratioMedian}x / ${a.ratioP99}x${was(a.ratioP99, before?.append.ratioP99)}`);
  console.log(`  console first frame        median ${s.firstFrame.medianMs} ms, ${s.firstFrame.rssMb} MB (${round(s.firstFrame.medianMs / nodeStart.medianMs)}x node -e 0)${was(s.firstFrame.medianMs, before?.firstFrame.medianMs)}`);
  const k = s.keyToFrame;
  const k1 = results.sizes![0]!.keyToFrame;
  console.log(`  console key to frame       median ${k.medianMs} ms, p99 ${k.p99Ms} ms (${k.runs} keys; ${round(k.medianMs / k1.medianMs)}x / ${round(k.p99Ms / k1.p99Ms)}x the ${sizes[0]!.toLocaleString('en')}-event figures); opening ${k.openMs} ms; ${k.rssMb} MB peak, ${k.rssNowMb} MB after scrolling${was(k.p99Ms, before?.keyToFrame?.p99Ms)}`);
}

// Timelines that used to load every event (JSON, a shared incident's merged order): bench/feeds-bench.ts.
results.feeds = [];
for (const n of quick ? [10_000] : [100_000, 1_000_000]) {
  const f = benchFeeds(n, n >= 1_000_000 ? 3 : quick ? 3 : 5);
  results.feeds.push(f);
  printFeeds(f, previous?.feeds?.find((p) => p.events === n));
}

const stdinLines = quick ? 20_000 : 100_000;
const logStdin = await benchLogStdin(stdinLines);
results.logStdin = logStdin;
console.log(`== group commit ==\n  log --stdin, ${stdinLines.toLocaleString('en')} lines from a pipe: ${logStdin.ms} ms, ${logStdin.eventsPerSecond} events/s with process start, ${logStdin.steadyEventsPerSecond} events/s from the first seq printed (target >= 20000)${was(logStdin.eventsPerSecond, previous?.logStdin?.eventsPerSecond)}`);

const empty = await firstFrame(quick ? 5 : 11);
results.firstFrameEmpty = empty;
console.log('== console ==');
console.log(`  first frame (no incidents): median ${empty.medianMs} ms, p99 ${empty.p99Ms} ms, ${empty.rssMb} MB; ${round(empty.medianMs / nodeStart.medianMs)}x node -e 0 (target <= 2.5x): ${verdict(empty.medianMs / nodeStart.medianMs, { atMost: 2.5 })}`);

// The goals, each as a ratio to its baseline in this run.
const at = (n: number) => results.sizes!.find((s) => s.events === n);
const cmd = (n: number, name: string) => at(n)?.commands.find((c) => c.name === name);
const small = sizes[0]!;
const large = sizes.at(-1)!;
console.log(`== goals (${large.toLocaleString('en')} events against ${small.toLocaleString('en')}) ==`);
const a100 = at(100_000)?.append ?? at(large)!.append;
console.log(`  append p99 at ${a100.existing.toLocaleString('en')}: ${a100.ratioP99}x raw write+fsync (target <= 2x): ${verdict(a100.ratioP99, { atMost: 2 })}; median ${a100.ratioMedian}x`);
console.log(`  log --stdin: ${logStdin.eventsPerSecond} events/s with process start, ${logStdin.steadyEventsPerSecond} once running (target >= 20000): ${verdict(logStdin.eventsPerSecond, { atLeast: 20_000 })}`);
for (const name of ['show', 'verify', 'list']) {
  const l = cmd(large, name)!;
  const s = cmd(small, name)!;
  const memory = name === 'show' ? `, memory ${verdict(l.rssMb, { atMost: 150 })}` : '';
  console.log(`  ${name.padEnd(6)} ${round(l.medianMs / s.medianMs)}x the time at ${small.toLocaleString('en')} (${l.medianMs} against ${s.medianMs} ms), ${l.rssMb} MB (target: the same time, read as within 1.5x on this noisy machine; under 150 MB for show): time ${verdict(l.medianMs / s.medianMs, { atMost: 1.5 })}${memory}`);
}
const f = at(large)!.firstFrame;
console.log(`  console first frame with a ${large.toLocaleString('en')}-event incident listed: ${round(f.medianMs / nodeStart.medianMs)}x node -e 0 (target <= 2.5x): ${verdict(f.medianMs / nodeStart.medianMs, { atMost: 2.5 })}, ${f.rssMb} MB`);
for (const name of reportCommands) {
  const at100k = cmd(100_000, name);
  const big = cmd(large, name)!;
  const base = cmd(small, name)!;
  const hundred = at100k ? `at 100,000 ${at100k.medianMs} ms, ${at100k.rssMb} MB (target < 1000 ms: ${verdict(at100k.medianMs, { atMost: 1000 })}); ` : '';
  const million = large >= 1_000_000 ? `: time ${verdict(big.medianMs, { atMost: 10_000 })}, memory ${verdict(big.rssMb, { atMost: 150 })}` : '';
  console.log(`  ${name}: ${hundred}at ${large.toLocaleString('en')} ${big.medianMs} ms, ${big.rssMb} MB, ${round(big.medianMs / base.medianMs)}x the time and ${round(big.rssMb / base.rssMb)}x the memory at ${small.toLocaleString('en')} (target at 1,000,000: < 10000 ms, < 150 MB)${million}`);
}
const key100 = at(100_000)?.keyToFrame ?? at(large)!.keyToFrame;
const keyAt = at(100_000) ? 100_000 : large;
const key1 = at(small)!.keyToFrame;
console.log(`  console key to frame at ${keyAt.toLocaleString('en')}: p99 ${key100.p99Ms} ms, median ${key100.medianMs} ms (target p99 <= 16 ms: ${verdict(key100.p99Ms, { atMost: 16 })}); ${round(key100.p99Ms / key1.p99Ms)}x the p99 at ${small.toLocaleString('en')} (${key1.p99Ms} ms), ${round(key100.medianMs / key1.medianMs)}x its median`);
const kl = at(large)!.keyToFrame;
console.log(`  console memory at ${large.toLocaleString('en')}: ${kl.rssMb} MB peak, ${kl.rssNowMb} MB after scrolling (target < 150 MB: ${verdict(kl.rssMb, { atMost: 150 })}); ${round(kl.rssMb / key1.rssMb)}x the peak at ${small.toLocaleString('en')}`);
console.log(`total bench time ${Math.round((performance.now() - started) / 1000)} s`);

mkdirSync('.bench', { recursive: true });
if (existsSync('.bench/latest.json')) renameSync('.bench/latest.json', '.bench/previous.json');
writeFileSync('.bench/latest.json', JSON.stringify(results, null, 2));
console.log('saved .bench/latest.json (the run before: .bench/previous.json)');
