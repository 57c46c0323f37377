// `node --import tsx scripts/runbook-cache.ts DIR`: writes DIR/.parsed.json for the bundle (run by build.mjs).
// A broken runbook stays out of the cache and is reported when it is read.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listRunbookFiles, loadScenarioText, type Scenario } from '../src/scenarios/index.js';
import { PARSED_CACHE_FILE, parsedCacheText, textKey } from '../src/scenarios/parsed-cache.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: runbook-cache.ts DIR');
const scenarios: Record<string, Scenario> = {};
for (const file of listRunbookFiles(dir).files) {
  const text = readFileSync(file, 'utf8');
  const loaded = loadScenarioText(text, file);
  if (loaded.scenario) scenarios[textKey(text)] = loaded.scenario;
}
writeFileSync(join(dir, PARSED_CACHE_FILE), parsedCacheText(scenarios));
