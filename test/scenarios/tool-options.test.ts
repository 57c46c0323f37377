// The hand-kept option tables of kubectl, terraform, psql, pg_dump and curl, checked against the real tools'
// help where they are installed, so the command checks rest on real option names.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { KUBECTL_VERBS, SIMPLE_TOOLS, TERRAFORM_COMMANDS } from './support/tool-options.js';

function help(tool: string, args: string[]): string | undefined {
  const r = spawnSync(tool, args, { encoding: 'utf8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' } });
  if (r.error) return undefined;
  return `${r.stdout}\n${r.stderr}`;
}

const has = (tool: string) => help(tool, ['--version']) !== undefined;
const TOOLS = ['kubectl', 'terraform', 'psql', 'pg_dump', 'curl'];
for (const tool of TOOLS) if (!has(tool)) console.warn(`skipping the ${tool} option cross-check: ${tool} is not installed`);

/** Whether the help text documents the flag: --long, -x (short, followed by "," or space) or terraform's -word. */
function documented(text: string, flag: string): boolean {
  const escaped = flag.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
  return new RegExp(`(^|[\\s,])${escaped}([=,\\s\\[]|$)`, 'm').test(text);
}

describe('option tables match the installed tools', () => {
  it.skipIf(!has('kubectl')).each(Object.entries(KUBECTL_VERBS))('kubectl %s', (verb, flags) => {
    const text = help('kubectl', [...verb.split(' '), '--help'])!;
    // -n/--namespace and friends are global (kubectl options), not listed per verb.
    const missing = flags.filter((f) => !['-n', '--namespace', '-o', '--output'].includes(f) || verb === 'get').filter((f) => !documented(text, f));
    expect(missing).toEqual([]);
  });

  it.skipIf(!has('terraform')).each(Object.entries(TERRAFORM_COMMANDS))('terraform %s', (sub, flags) => {
    // apply accepts plan's options, destroy accepts apply's and plan's; their help says so instead of listing them.
    const inherited = sub === 'apply' ? ['plan'] : sub === 'destroy' ? ['apply', 'plan'] : [];
    const text = [sub, ...inherited].map((s) => help('terraform', [...s.split(' '), '-help'])!).join('\n');
    expect(flags.filter((f) => !documented(text, f))).toEqual([]);
  });

  it.skipIf(!has('psql') || !has('pg_dump') || !has('curl')).each(Object.entries(SIMPLE_TOOLS))('%s', (tool, flags) => {
    const text = help(tool, tool === 'curl' ? ['--help', 'all'] : ['--help'])!;
    // Bundled short flags (-fsS, -Fc) are combinations of documented ones.
    const single = flags.filter((f) => f.startsWith('--') || f.length === 2);
    expect(single.filter((f) => !documented(text, f))).toEqual([]);
  });
});
