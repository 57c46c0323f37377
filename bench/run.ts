// `npm run bench`: every measurement in one run, printed as a table and saved to .bench/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { firstFrame, keyToFrame } from './console-bench.js';
import { benchAppend } from './journal-bench.js';
import { benchReport } from './report-bench.js';
import { benchStartup } from './startup-bench.js';
import { benchSync } from './sync-bench.js';

const line = (name: string, s: { medianMs: number; p99Ms: number; runs: number }, note = '') =>
  console.log(`${name.padEnd(52)} median ${String(s.medianMs).padStart(9)} ms   p99 ${String(s.p99Ms).padStart(9)} ms   (${s.runs} runs)${note}`);

const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };

console.log('== append latency (fsynced) ==');
const append = await benchAppend();
for (const a of append) {
  line(`warroom journal append @ ${a.existing} events`, a.warroom);
  line(`lowdb JSONFile append  @ ${a.existing} events`, a.lowdb, '  (no fsync)');
}
results.append = append;

console.log('== start-up ==');
const startup = benchStartup();
line('node -e 0', startup.node);
line('warroom --version', startup.version, `  (${startup.ratio}x node)`);
line('warroom --help', startup.help);
results.startup = startup;

console.log('== console ==');
const frame = await firstFrame();
line('console: process start to first frame', frame, '  (target < 250 ms)');
const key = await keyToFrame();
line('console: key to frame, 10,000 events', key, '  (target < 50 ms)');
results.console = { firstFrame: frame, keyToFrame: key };

console.log('== report, 10,000 events ==');
const report = await benchReport();
for (const r of report) line(`report --format ${r.format}`, { ...r, runs: 21 });
results.report = report;

console.log('== sync through moto DynamoDB ==');
const sync = await benchSync();
if (typeof sync === 'string') console.log(sync);
else {
  console.log(`catch-up of ${sync.events} pending events: push ${sync.pushMs} ms, a joiner's pull ${sync.pullMs} ms`);
  console.log(`per 1,000 events: push ${sync.pushCallsPer1000} calls (${sync.pushCapacityPer1000} capacity units), pull ${sync.pullCallsPer1000} calls`);
  line('one event, push + pull, between two state dirs', sync.roundTrip);
}
results.sync = sync;

mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/latest.json', JSON.stringify(results, null, 2));
console.log('saved .bench/latest.json');
