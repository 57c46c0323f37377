// The console's catalog with the profile's values: a bad or ambiguous profile is shown as a problem and
// never stops the console; WARROOM_SERVICE chooses among several services.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withServiceProfile } from '../../src/cli/console-profile.js';
import { loadCatalog } from '../../src/scenarios/index.js';
import { tempDir } from '../support/tmp.js';
import { TWO_SERVICES } from './fixtures.js';

const catalog = () => {
  const c = loadCatalog({ dirs: [], env: {} });
  return { scenarios: c.scenarios.filter((s) => s.id === 'aurora-failover'), problems: [] as string[] };
};

describe('the console catalog with a service profile', () => {
  it('WARROOM_SERVICE picks the service whose values become the defaults', () => {
    const dir = tempDir();
    const file = join(dir, 'warroom.yaml');
    writeFileSync(file, TWO_SERVICES);
    const c = withServiceProfile(catalog(), { WARROOM_SERVICE_FILE: file, WARROOM_SERVICE: 'orders' });
    expect(c.problems).toEqual([]);
    expect(c.scenarios[0]!.params.cluster).toMatchObject({ default: 'orders-db', example: 'orders-db' });
  });

  it.each([
    ['several services and none chosen', TWO_SERVICES, /^service profile not used: .+ describes 2 services \(set WARROOM_SERVICE to one of orders, search\)$/],
    ['a bad profile', 'services:\n  - name: a\n', /^service profile not used: .+warroom\.yaml:2: services\[0\]\.regions is missing/],
  ])('%s: a problem line, parameters left as the runbook has them', (_what, text, problem) => {
    const dir = tempDir();
    const file = join(dir, 'warroom.yaml');
    writeFileSync(file, text);
    const c = withServiceProfile(catalog(), { WARROOM_SERVICE_FILE: file });
    expect(c.problems).toEqual([expect.stringMatching(problem)]);
    expect(c.scenarios[0]!.params.cluster!.default).toBeUndefined();
  });
});
