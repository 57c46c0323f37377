// `warroom aar ID`: a drill's after-action report and improvement plan (CISA's shape) from its timeline.
// The players' handout is `warroom exercise SCENARIO --handout` (exercise-commands.ts).
import type { Command } from 'commander';
import { buildAar, ExitCode, isResolved, sanitizeLine, usageError, WarroomError } from '../core/index.js';
import { renderAarMarkdown } from '../report/aar-markdown.js';
import { findScenario } from '../scenarios/index.js';
import { writeOutFile } from './report-export.js';
import { loadCliCatalog } from './catalog.js';
import type { Register } from './main.js';

export const registerDrillExportCommands: Register = (program: Command, run) => {
  program
    .command('aar')
    .description("a drill's after-action report and improvement plan (Markdown, on drill time); records one report.exported event")
    .argument('<id>', 'exercise incident id')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--force', 'report even if the journal fails verification')
    .action(
      run(async (ctx, id: string, opts: { out?: string; force?: boolean }) => {
        const loaded = ctx.store().load(id);
        if (loaded.state.mode !== 'exercise') throw usageError(`${id} is a live incident, not a drill (use "warroom report ${id}")`);
        const bad = loaded.verification.firstBad;
        if (bad && bad.problem !== 'torn' && !opts.force) {
          throw new WarroomError(`journal of ${id} fails verification at ${bad.message}; run "warroom verify ${id}", or pass --force to report on it anyway`, ExitCode.corrupt);
        }
        const catalog = loadCliCatalog(ctx);
        const scenarios = loaded.state.scenarios.map((sid) => findScenario(catalog, sid));
        const first = scenarios[0];
        if (!first) throw usageError(`${id} names no scenario, so there is no script to report on (choose one in the console with C)`);
        const text = renderAarMarkdown(
          buildAar({
            state: loaded.state,
            events: loaded.events,
            scenario: { id: first.id, title: first.title, summary: first.summary, impact: first.impact },
            injects: scenarios.flatMap((s) => s.injects),
            objectives: scenarios.flatMap((s) => s.exercise_objectives),
            modules: scenarios.flatMap((s) => s.exercise_modules),
          }),
        );
        const draft = !isResolved(loaded.state) && !loaded.events.some((e) => e.kind === 'exercise.clock' && e.data.control === 'end');
        const path = opts.out ? writeOutFile(opts.out, text, 'the after-action report') : undefined;
        const [event] = await ctx.store().append(id, [{ kind: 'report.exported', data: { format: 'aar', ...(path ? { path } : {}), draft } }], ctx.actor);
        if (path) return ctx.out(`wrote ${draft ? 'draft ' : ''}after-action report to ${sanitizeLine(path)} (recorded as seq ${event!.seq})`);
        return ctx.out(text);
      }),
    );
};
