// `warroom triage`: the scenarios ranked for a description and the alarms in ALARM, with the evidence for
// each, for scripts and pager hooks. The same ranking the console's declare wizard shows.
import type { Command } from 'commander';
import { ExitCode, rankScenarios, sanitizeLine, SCOPES, usageError, WarroomError, type RankedScenario, type TriageAnswers } from '../core/index.js';
import { portsFor } from './aws-commands.js';
import { loadCliCatalog } from './catalog.js';
import type { CliContext } from './context.js';
import type { Register } from './main.js';

interface TriageFlags {
  text?: string;
  alarm: string[];
  scope?: string;
  fromAws?: boolean;
  drill?: boolean;
  limit: string;
  json?: boolean;
  profile?: string;
  region?: string;
  drRegion?: string;
  endpointUrl?: string;
}

/** Nothing is known but the text: scope, data, security and impact are "not sure". */
const NOT_SURE: TriageAnswers = { affected: '', scope: 'unknown', dataIntegrity: 'unknown', security: 'unknown', customerImpact: 'unknown' };

/** The names of the alarms now in ALARM, read through the AWS ports (primary, DR and us-east-1). */
async function alarmsFromAws(ctx: CliContext, flags: TriageFlags): Promise<{ names: string[]; warnings: string[] }> {
  const ports = await portsFor(ctx, flags);
  if (ports.mode === 'simulated') {
    throw usageError('--from-aws needs AWS configured (give --profile, --region or --endpoint-url, or set AWS_PROFILE or AWS_REGION)');
  }
  try {
    const read = await ports.alarms.poll(AbortSignal.timeout(30_000));
    const warnings = (read.errors ?? []).map((e) => `warroom: warning: alarms not read: ${sanitizeLine(e.message)}`);
    if (read.alarms.length === 0 && warnings.length > 0) {
      throw new WarroomError(`could not read any alarms: ${sanitizeLine(read.errors![0]!.message)} (run warroom doctor)`, ExitCode.aws);
    }
    return { names: read.alarms.filter((a) => a.state === 'ALARM').map((a) => a.name), warnings };
  } finally {
    (ports as { clients?: { destroy(): void } }).clients?.destroy();
  }
}

function formatRanking(ranked: readonly RankedScenario[], titles: ReadonlyMap<string, string>): string[] {
  return ranked.flatMap((r, i) => [
    `${i + 1}. ${r.id}  score ${r.score}  ${sanitizeLine(titles.get(r.id) ?? '')}`,
    ...(r.reasons.length ? r.reasons : ['nothing matched']).map((why) => `     ${sanitizeLine(why)}`),
  ]);
}

export async function triage(ctx: CliContext, flags: TriageFlags): Promise<number> {
  const text = flags.text?.trim() ?? '';
  const limit = Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1) throw usageError(`--limit "${flags.limit}" must be a whole number of scenarios, 1 or more`);
  if (!text && flags.alarm.length === 0 && !flags.fromAws) throw usageError('nothing to triage (give --text "what is happening", --alarm NAME or --from-aws)');
  const fromAws = flags.fromAws ? await alarmsFromAws(ctx, flags) : { names: [], warnings: [] };
  for (const w of fromAws.warnings) ctx.err(w);
  const alarms = [...new Set([...flags.alarm, ...fromAws.names])];
  const catalog = loadCliCatalog(ctx).scenarios;
  const mode = flags.drill ? 'drill' : 'live';
  const scope = flags.scope ?? 'unknown';
  if (!(SCOPES as readonly string[]).includes(scope)) throw usageError(`--scope "${scope}" is not a scope (use ${SCOPES.join(', ')})`);
  const answers: TriageAnswers = { ...NOT_SURE, scope: scope as TriageAnswers['scope'] };
  const ranked = rankScenarios(catalog, answers, text, alarms, { mode }).filter((r) => r.score > 0).slice(0, limit);
  const titles = new Map(catalog.map((s) => [s.id, s.title]));
  if (flags.json) {
    ctx.out(JSON.stringify({ text, mode, alarms, ranked: ranked.map((r) => ({ ...r, title: titles.get(r.id) ?? '' })) }, null, 2));
  } else if (ranked.length === 0) {
    ctx.out(`no ${mode === 'drill' ? 'drill ' : ''}scenario matches; list them with: warroom scenarios list`);
  } else {
    if (alarms.length) ctx.out(`alarms in ALARM: ${sanitizeLine(alarms.join(', '))}`);
    for (const line of formatRanking(ranked, titles)) ctx.out(line);
  }
  return ExitCode.ok;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export const registerTriageCommand: Register = (program: Command, run) => {
  program
    .command('triage')
    .description('rank the runbooks for a description and the alarms in ALARM, with the words, symptoms and alarms that matched')
    .option('--text <text>', 'what is happening, in a few words')
    .option('--alarm <name>', 'an alarm in ALARM (repeatable)', collect, [])
    .option('--scope <scope>', `how wide it is, when known: ${SCOPES.join(', ')} (default unknown)`)
    .option('--from-aws', 'read the alarms in ALARM from AWS (primary, DR and us-east-1)')
    .option('--drill', 'rank the drill runbooks (a planned exercise) instead of the incident runbooks')
    .option('--limit <n>', 'how many scenarios to print', '5')
    .option('--json', 'print as JSON')
    .option('--profile <name>', 'AWS profile for --from-aws (env AWS_PROFILE)')
    .option('--region <region>', 'primary region for --from-aws (env AWS_REGION)')
    .option('--dr-region <region>', 'DR region for --from-aws (env WARROOM_DR_REGION)')
    .option('--endpoint-url <url>', 'send AWS calls here, e.g. a local test server (env AWS_ENDPOINT_URL)')
    .action(run(async (ctx, flags: TriageFlags) => triage(ctx, flags)));
};
