// The import-boundary rules are what keep the core pure; check they really fire.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/core/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;", /src\/core is pure/],
    ['src/core/x.ts', "import { render } from 'ink';\nexport const f = render;", /src\/core is pure/],
    ['src/core/x.ts', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const f = DynamoDBClient;", /AWS lives in src\/aws/],
    ['src/core/x.ts', "import { Low } from 'lowdb';\nexport const f = Low;", /src\/core is pure/],
    ['src/core/x.ts', "import { Journal } from '../store/journal.js';\nexport const f = Journal;", /imports nothing of ours outside src\/core/],
    ['src/core/x.ts', 'export const t = Date.now();', /Clock port/],
    ['src/core/x.ts', 'export const r = Math.random();', /through a port/],
    ['src/ui/x.ts', "import { Journal } from '../store/journal.js';\nexport const f = Journal;", /never an adapter implementation/],
    ['src/ui/x.ts', "import { LiveMetrics } from '../aws/live/metrics.js';\nexport const f = LiveMetrics;", /never an adapter implementation/],
    ['src/ui/x.ts', "import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';\nexport const f = CloudWatchClient;", /through ports only/],
    ['src/report/x.ts', "import { writeFileSync } from 'node:fs';\nexport const f = writeFileSync;", /Renderers are pure/],
    ['src/ui/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;", /does no I\/O itself/],
    ['src/ui/app/x.ts', "import { createAwsPorts } from '../../aws/create-ports.js';\nexport const f = createAwsPorts;", /never an adapter implementation/],
    ['src/ui/app/x.ts', "import { SimAws } from '../../aws/sim/sim-aws.js';\nexport const f = SimAws;", /never an adapter implementation/],
    ['src/ui/x.ts', 'export const t = Date.now();', /Clock port/],
    ['src/aws/live/x.ts', 'export const t = new Date();', /Clock port/],
    ['src/store/x.ts', 'export const t = Date.now();', /Clock port/],
    ['src/cli/x.ts', 'export const t = Date.now();', /Clock port/],
  ])('%s rejects %j', async (file, code, want) => {
    const found = await messages(file, code);
    expect(found.join('\n')).toMatch(want);
  });

  it.each([
    ['src/core/x.ts', "import { z } from 'zod';\nimport { sanitize } from './sanitize.js';\nexport const f = [z, sanitize];"],
    ['src/ui/x.ts', "import type { Journal } from '../store/journal.js';\nexport type J = Journal;"],
    ['src/cli/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;"],
    ['src/ui/app/x.ts', "import type { AwsPorts } from '../../aws/ports.js';\nimport { recoveryPointEvent } from '../../aws/timeline-events.js';\nexport const f = recoveryPointEvent;\nexport type P = AwsPorts;"],
    ['src/system-clock.ts', 'export const now = () => Date.now();'],
    ['src/cli/x.ts', 'export const t = new Date(0).toISOString();'],
  ])('%s allows %j', async (file, code) => {
    expect(await messages(file, code)).toEqual([]);
  });
});
