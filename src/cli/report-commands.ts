// `warroom report`: the post-incident report from the timeline, as Markdown (default), HTML or JSON.
import { Option, type Command } from 'commander';
import { sanitizeLine } from '../core/index.js';
import { REPORT_FORMATS, type ReportFormat } from '../report/render.js';
import type { Register } from './main.js';
import { streamReport } from './report-stream.js';

export const registerReportCommands: Register = (program: Command, run) => {
  program
    .command('report')
    .description('produce the post-incident report (DRAFT until resolved); records one report.exported event')
    .argument('<id>', 'incident id')
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('md'))
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--force', 'report even if the journal fails verification (the report says so)')
    .action(
      run(async (ctx, id: string, opts: { format: ReportFormat; out?: string; force?: boolean }) => {
        // Written while the journal is read (report-stream.ts), then recorded once the file exists.
        const result = streamReport(
          ctx.store(),
          id,
          {
            format: opts.format,
            now: ctx.clock.now(),
            stateDir: ctx.stateDir,
            runbookDirs: ctx.runbookDirs,
            ...(opts.out ? { out: opts.out } : {}),
            ...(opts.force ? { force: true } : {}),
          },
          ctx,
        );
        const [event] = await ctx.store().append(id, [{ kind: 'report.exported', data: { format: opts.format, draft: result.model.draft, ...(result.path ? { path: result.path } : {}) } }], ctx.actor);
        if (result.missingScenarios.length > 0) {
          ctx.err(`warroom: warning: no scenario data for ${result.missingScenarios.map(sanitizeLine).join(', ')}: recovery targets are shown as unknown`);
        }
        const draft = result.model.draft ? 'DRAFT ' : '';
        if (result.path) ctx.out(`wrote ${draft}${opts.format} report to ${sanitizeLine(result.path)} (recorded as seq ${event!.seq})`);
      }),
    );
};
