// `warroom declare "eu-west-2 API 5xx"`: opens a live incident in one line, for a shell or a pager hook.
// Severity is suggested, the scenario ranked by triage, and every parameter the service profile answers is
// filled from it. Prints the incident id on stdout; what was chosen goes to stderr.
import type { Command } from 'commander';
import {
  ExitCode,
  parseSeverity,
  quickDeclaration,
  quickSeverity,
  sanitizeLine,
  splitTitle,
  usageError,
  type NewEvent,
} from '../core/index.js';
import { findScenario } from '../scenarios/index.js';
import { loadProfile, pickService } from '../profile/find.js';
import { paramsFromProfile } from '../profile/params.js';
import { loadCliCatalog } from './catalog.js';
import type { CliContext } from './context.js';
import { normaliseRole, parseParams } from './incident-commands.js';
import type { Register } from './main.js';

interface DeclareFlags {
  service?: string;
  severity?: string;
  scenario?: string;
  alarm: string[];
  param: string[];
  json?: boolean;
}

export async function declare(ctx: CliContext, words: string[], flags: DeclareFlags): Promise<number> {
  const title = words.join(' ').trim();
  if (!title) throw usageError('nothing to declare: give what is happening, e.g. warroom declare "eu-west-2 API 5xx"');
  // A pasted alert body is not a title: the timeline, the banner and every status update would carry it.
  if (splitTitle(title).rest) throw usageError('a title is one line (give the first line as the title, and add the rest with warroom log ID "...")');
  flags = { ...flags, ...(flags.service || !ctx.env.WARROOM_SERVICE ? {} : { service: ctx.env.WARROOM_SERVICE }) };
  const loaded = loadProfile({ service: flags.service, env: ctx.env });
  if (!loaded && flags.service) throw usageError(`no service profile to find "${flags.service}" in (run warroom init, or give --service FILE)`);
  const service = loaded ? pickService(loaded, { service: flags.service }) : undefined;

  const catalog = loadCliCatalog(ctx);
  const ranked = quickDeclaration(catalog.scenarios, title, flags.alarm);
  const top = flags.scenario ? { id: findScenario(catalog, flags.scenario).id, reasons: ['chosen with --scenario'] } : ranked.scenario;
  const scenario = top ? catalog.scenarios.find((s) => s.id === top.id) : undefined;
  const chosen = flags.scenario ? quickSeverity(scenario) : ranked;
  const severity = flags.severity ? parseSeverity(flags.severity) : chosen.severity;
  const why = flags.severity ? 'given' : chosen.severityReason;

  const wanted = Object.keys(scenario?.params ?? {});
  const params = { ...(service ? paramsFromProfile(service, wanted) : {}), ...parseParams(flags.param) };
  const missing = wanted.filter((p) => params[p] === undefined);

  const store = ctx.store();
  const opened = await store.create({ title, severity, mode: 'live', scenarios: scenario ? [scenario.id] : [], params }, ctx.actor);
  const id = String(opened.data.id);
  const follow: NewEvent[] = [];
  if (service) {
    follow.push({ kind: 'note', data: { text: `service ${service.name} (profile ${loaded!.path})` } });
    for (const [role, name] of Object.entries(service.roster)) follow.push({ kind: 'role.assigned', data: { role: normaliseRole(role), name } });
  }
  if (follow.length) await store.append(id, follow, ctx.actor);

  if (flags.json) {
    ctx.out(JSON.stringify({ id, title, severity, severityReason: why, scenario: scenario?.id ?? null, reasons: top?.reasons ?? [], service: service?.name ?? null, params, missing }));
    return ExitCode.ok;
  }
  ctx.out(id);
  ctx.err(`${severity} (${sanitizeLine(why)})`);
  ctx.err(scenario ? `scenario ${scenario.id}: ${sanitizeLine(scenario.title)}${top?.reasons.length ? ` (${sanitizeLine(top.reasons.slice(0, 2).join('; '))})` : ''}` : 'no scenario matched: choose one in the console with C');
  if (service) ctx.err(`service ${service.name}: ${Object.keys(params).length} of ${wanted.length} parameters filled${missing.length ? `; still needed: ${missing.join(', ')}` : ''}`);
  return ExitCode.ok;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export const registerDeclareCommand: Register = (program: Command, run) => {
  program
    .command('declare')
    .description('open a live incident from one line: severity suggested, scenario ranked, parameters from the service profile; prints its id')
    .argument('<text...>', 'what is happening, in a few words')
    .option('--service <name|file>', 'the service (a name in the profile, env WARROOM_SERVICE; or the profile file, env WARROOM_SERVICE_FILE)')
    .option('--severity <sev>', 'SEV1..SEV4 (default: suggested)')
    .option('--scenario <id>', 'the scenario (default: the top of the triage ranking)')
    .option('--alarm <name>', 'an alarm in ALARM, for the ranking (repeatable)', collect, [])
    .option('--param <key=value>', 'a parameter the profile does not answer, or overrides (repeatable)', collect, [])
    .option('--json', 'print the incident and what was chosen as JSON')
    .action(run(async (ctx, words: string[], flags: DeclareFlags) => declare(ctx, words, flags)));
};
