// `warroom exercise inject ID --title ... --text ...`: the controller writes an inject into a running drill from
// a shell, fired now or at a drill time. The same core decision as the console's O key (decideDrill's `add`),
// appended only onto the head it was decided on, so it is recorded once and fires once.
import type { Command } from 'commander';
import {
  audienceText,
  CHANNEL_KINDS,
  decideDrill,
  drillSeconds,
  foldDrill,
  formatOffset,
  isStaleHead,
  parseAudience,
  parseDrillAt,
  sanitizeLine,
  scheduleDrill,
  usageError,
  WarroomError,
  type InjectChannel,
  type NewInject,
} from '../core/index.js';
import { findScenario } from '../scenarios/index.js';
import { loadCliCatalog } from './catalog.js';
import type { CliContext } from './context.js';
import type { Runner } from './main.js';

export interface InjectOptions {
  title?: string;
  text?: string;
  audience?: string;
  channel?: string;
  from?: string;
  subject?: string;
  at?: string;
  expect?: string;
}

const ATTEMPTS = 5;

export function registerExerciseInject(exercise: Command, run: Runner): void {
  exercise
    .command('inject')
    .description('write a new inject into a running drill, fired now or at a drill time (the controller only)')
    .argument('<id>', 'exercise incident id')
    .option('--title <text>', 'the title: the subject of an email, the headline of a news item, the summary of a page')
    .option('--text <text>', 'what the audience reads')
    .option('--audience <list>', 'who sees it: player, evaluator, observer, an incident role (comms-lead) or @name, comma-separated (default everyone)')
    .option('--channel <kind>', `how it arrives: ${CHANNEL_KINDS.join(', ')} (default a plain inject)`)
    .option('--from <text>', 'the sender, outlet or paging service')
    .option('--subject <text>', 'the subject or headline, when it differs from the title')
    .option('--at <when>', 'when it fires: now, a drill time (T+25:00) or a delay (+5m)', 'now')
    .option('--expect <text>', 'the response expected, for the evaluators and the AAR')
    .action(run(async (ctx, id: string, opts: InjectOptions) => addInject(ctx, id, opts)));
}

export async function addInject(ctx: CliContext, id: string, opts: InjectOptions): Promise<number> {
  const title = (opts.title ?? '').trim();
  const text = (opts.text ?? '').trim();
  if (!title || !text) throw usageError('an inject needs a title and a text (give --title and --text)');
  const kind = opts.channel === undefined ? undefined : CHANNEL_KINDS.find((k) => k === opts.channel);
  if (opts.channel !== undefined && !kind) throw usageError(`--channel ${opts.channel} is not a channel (use ${CHANNEL_KINDS.join(', ')}, or leave it out for a plain inject)`);
  const channel: InjectChannel | undefined = kind ? { kind, ...(opts.from?.trim() ? { from: opts.from.trim() } : {}), ...(opts.subject?.trim() ? { subject: opts.subject.trim() } : {}) } : undefined;
  const store = ctx.store();
  const catalog = loadCliCatalog(ctx);
  for (let attempt = 1; ; attempt++) {
    const { state, events } = store.load(id);
    if (state.mode !== 'exercise') throw usageError(`${id} is a live incident, not a drill (injects go into exercises only)`);
    const record = foldDrill(events);
    const now = ctx.clock.now();
    const when = parseDrillAt(opts.at ?? 'now', drillSeconds(record, now));
    if ('error' in when) throw usageError(`${when.error.replace(/\s*\([^)]*\)$/, '')} (give --at now, --at T+25:00, --at 25:00 or --at +5m)`);
    const injects = state.scenarios.flatMap((sid) => findScenario(catalog, sid).injects);
    const schedule = scheduleDrill(injects, state.params, record.seed);
    const audience = parseAudience(opts.audience ?? '');
    const expect = opts.expect?.trim();
    const inject: NewInject = { title, text, ...(audience.length ? { audience } : {}), ...(channel ? { channel } : {}), ...(expect ? { expect } : {}), ...(when.atSeconds !== undefined ? { atSeconds: when.atSeconds } : {}) };
    const decision = decideDrill(record, schedule, ctx.actor, now, { kind: 'add', inject });
    // The console's refusal reads "drill: ..."; here the line already starts "warroom:".
    if (decision.refused) throw new WarroomError(decision.refused.replace(/^drill: /, ''));
    try {
      const written = await store.append(id, decision.events, ctx.actor, { afterSeq: record.headSeq });
      const added = written.find((e) => e.kind === 'exercise.added')!;
      const fired = written.find((e) => e.kind === 'exercise.inject');
      const at = typeof added.data.atSeconds === 'number' ? added.data.atSeconds : 0;
      ctx.out(
        `added inject ${String(added.data.inject)} "${sanitizeLine(title)}" for ${sanitizeLine(audienceText(audience, channel))}: ${fired ? `fired at ${formatOffset(at)} (seq ${fired.seq})` : `fires at ${formatOffset(at)} (recorded as seq ${added.seq})`}`,
      );
      return 0;
    } catch (err) {
      // Another console wrote first: decide again on the record as it now is.
      if (!isStaleHead(err) || attempt >= ATTEMPTS) throw err;
    }
  }
}
