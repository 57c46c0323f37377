// Every --query in a runbook command must compile as JMESPath (the AWS CLI rejects it otherwise). Checked
// with the jmespath module the AWS CLI itself uses, when Python has it.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/core/index.js';
import { builtinRunbooksDir, loadCatalog } from '../../src/scenarios/index.js';
import { simpleCommands } from './support/shell-words.js';

const COMPILE = 'import sys, json, jmespath\nfor q in json.load(sys.stdin):\n    try:\n        jmespath.compile(q)\n        print("ok")\n    except Exception as e:\n        print(type(e).__name__ + ": " + str(e).splitlines()[0])';
const probe = spawnSync('python3', ['-c', 'import jmespath'], { encoding: 'utf8' });
const noJmespath = probe.error !== undefined || probe.status !== 0;
if (noJmespath) console.warn('skipping the JMESPath check: python3 with the jmespath module is not available');

const catalog = loadCatalog({ builtinDir: builtinRunbooksDir({}) });
const queries = catalog.scenarios.flatMap((s) =>
  s.steps.flatMap((st) => {
    if (!st.command) return [];
    const filled = fillTemplate(st.command, Object.fromEntries(Object.entries(s.params).map(([k, p]) => [k, p.example])));
    return simpleCommands(filled).flatMap((words) => words.flatMap((w, i) => (w === '--query' && words[i + 1] ? [{ where: `${s.id}/${st.id}`, query: words[i + 1]! }] : [])));
  }),
);

describe('--query expressions', () => {
  it.skipIf(noJmespath)('compile as JMESPath', () => {
    expect(queries.length).toBeGreaterThan(10);
    const r = spawnSync('python3', ['-c', COMPILE], { input: JSON.stringify([...queries.map((q) => q.query), 'Table.[TableStatus']), encoding: 'utf8' });
    const results = r.stdout.trim().split('\n');
    expect(results.pop(), 'a broken query must be rejected').toMatch(/ParseError|IncompleteExpression/);
    expect(results.map((res, i) => (res === 'ok' ? 'ok' : `${queries[i]!.where}: ${res}`)).filter((x) => x !== 'ok')).toEqual([]);
  });
});
