// `warroom review ID`: the postmortem review, section by section. Without options it prints each section as
// written or as drafted from the record; with --section it records one (a second time is an amendment, never an
// edit); --check records a runbook post-check's result; --done closes the review.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ExitCode, isResolved, notFound, sanitizeLine, usageError, WarroomError, type NewEvent } from '../core/index.js';
import type { ReviewSectionRow } from '../core/report/index.js';
import { draftText } from '../core/review/facts.js';
import { isReviewSection, POST_CHECK_RESULTS, REVIEW_SECTIONS, type PostCheckResult } from '../core/review/vocabulary.js';
import type { CliContext } from './context.js';
import type { Register } from './main.js';
import { reportModel } from './report-export.js';

interface ReviewOptions {
  section?: string;
  accept?: boolean;
  text?: string;
  file?: string;
  done?: boolean;
  check?: string;
  result?: string;
  note?: string;
  json?: boolean;
}


function modelOf(ctx: CliContext, id: string) {
  return reportModel(ctx.store(), id, { now: ctx.clock.now(), stateDir: ctx.stateDir, runbookDirs: ctx.runbookDirs }).model;
}

function printReview(ctx: CliContext, id: string, json: boolean | undefined): void {
  const m = modelOf(ctx, id);
  if (json) return ctx.out(JSON.stringify({ id, review: m.review, postChecks: m.postChecks }, null, 2));
  const out = (...lines: string[]) => lines.forEach((l) => ctx.out(l));
  out(`Review of ${id}: ${m.review.status}${m.draft ? ' (report is DRAFT)' : ''}`);
  for (const r of m.review.sections) {
    out('', `== ${r.title} (--section ${r.section}) ==`);
    if (r.text !== null) {
      out(...r.text.split('\n').map(sanitizeLine), `   recorded by ${sanitizeLine(r.by)} (seq ${r.seq}${r.corrections.length ? `, corrected ${r.corrections.length} time(s)` : ''})`);
    } else if (r.draft.length) {
      out('draft (accept with --accept, or give --text / --file):', ...draftText(r).split('\n').map((l) => `  ${sanitizeLine(l)}`));
    } else out('(nothing on the record suggests a draft; give --text or --file)');
  }
  if (m.postChecks.length) {
    out('', '== Post-checks (--check N --result passed|failed|not-checked) ==');
    m.postChecks.forEach((c, i) => out(`${String(i + 1).padStart(3)}. [${c.result}] ${sanitizeLine(c.check)}${c.by ? ` (${sanitizeLine(c.by)}, seq ${c.seq})` : ''}`));
  }
}

function sectionText(opts: ReviewOptions, row: ReviewSectionRow): { text: string; from: 'draft' | 'text' | 'file' } {
  if (opts.accept) {
    if (row.draft.length === 0) throw usageError(`the draft of ${row.section} is empty: nothing to accept (give --text or --file)`);
    return { text: draftText(row), from: 'draft' };
  }
  if (opts.text !== undefined) {
    if (!opts.text.trim()) throw usageError('--text is empty (write the section, or --accept its draft)');
    return { text: opts.text, from: 'text' };
  }
  let text: string;
  try {
    text = readFileSync(opts.file!, 'utf8');
  } catch (err) {
    throw notFound(`cannot read --file ${opts.file}: ${(err as NodeJS.ErrnoException).code ?? String(err)} (check the path)`);
  }
  if (!text.trim()) throw usageError(`--file ${opts.file} is empty (write the section in it, or --accept its draft)`);
  return { text: text.replace(/\s+$/, ''), from: 'file' };
}

async function recordSection(ctx: CliContext, id: string, opts: ReviewOptions): Promise<void> {
  const section = opts.section!;
  if (!isReviewSection(section)) throw usageError(`unknown section "${section}" (use one of ${REVIEW_SECTIONS.join(', ')})`);
  const m = modelOf(ctx, id);
  const row = m.review.sections.find((s) => s.section === section)!;
  const { text, from } = sectionText(opts, row);
  if (row.text === text) throw usageError(`the ${section} section already says that; nothing was recorded`);
  // A section written before is corrected by an amendment of its event, so the first wording stays on the record.
  const event: NewEvent = row.seq !== null ? { kind: 'amend', data: { target: row.seq, text } } : { kind: 'review.section', data: { section, text, from } };
  const [e] = await ctx.store().append(id, [event], ctx.actor);
  ctx.out(`${row.seq !== null ? `corrected ${section} (amends seq ${row.seq})` : `recorded ${section}`} as seq ${e!.seq}`);
}

async function recordCheck(ctx: CliContext, id: string, opts: ReviewOptions): Promise<void> {
  const result = opts.result as PostCheckResult | undefined;
  if (!result || !(POST_CHECK_RESULTS as readonly string[]).includes(result)) throw usageError(`--check needs --result ${POST_CHECK_RESULTS.join('|')}`);
  const checks = modelOf(ctx, id).postChecks;
  const n = Number(opts.check);
  const chosen = Number.isInteger(n) && n >= 1 ? checks[n - 1] : checks.find((c) => c.check === opts.check);
  if (!chosen) throw notFound(`no post-check "${opts.check}" for ${id} (run "warroom review ${id}" for the numbered list)`);
  const [e] = await ctx.store().append(id, [{ kind: 'post_check.recorded', data: { scenario: chosen.scenario, check: chosen.check, result, ...(opts.note ? { text: opts.note } : {}) } }], ctx.actor);
  ctx.out(`recorded post-check ${result}: ${sanitizeLine(chosen.check)} as seq ${e!.seq}`);
}

export const registerReviewCommands: Register = (program: Command, run) => {
  program
    .command('review')
    .description('the postmortem review: print the sections with drafts from the record, record one (--section), a post-check (--check), or close it (--done)')
    .argument('<id>', 'incident id')
    .option('--section <name>', `the section to record (${REVIEW_SECTIONS.join(', ')})`)
    .option('--accept', 'with --section: record the draft as it stands')
    .option('--text <text>', 'with --section: the section\'s text')
    .option('--file <file>', 'with --section: read the section\'s text from a file')
    .option('--check <n|text>', 'a runbook post-check, by its number in "warroom review ID" or its text')
    .option('--result <result>', `with --check: ${POST_CHECK_RESULTS.join(' | ')}`)
    .option('--note <text>', 'with --check: what was seen')
    .option('--done', 'close the review (the report stops being DRAFT once the incident is resolved too)')
    .option('--json', 'print the review as JSON')
    .action(
      run(async (ctx, id: string, opts: ReviewOptions) => {
        const modes = [opts.section !== undefined, opts.check !== undefined, !!opts.done].filter(Boolean).length;
        if (modes === 0) {
          if (opts.accept || opts.text !== undefined || opts.file !== undefined) throw usageError('--accept, --text and --file need --section NAME');
          return printReview(ctx, id, opts.json);
        }
        if (modes > 1) throw usageError('give one of --section, --check or --done at a time');
        // Input is checked before the incident's state, so a typo is reported as a typo.
        if (opts.section !== undefined) {
          if (!isReviewSection(opts.section)) throw usageError(`unknown section "${opts.section}" (use one of ${REVIEW_SECTIONS.join(', ')})`);
          if ([opts.accept, opts.text !== undefined, opts.file !== undefined].filter(Boolean).length !== 1) throw usageError(`--section ${opts.section} needs exactly one of --accept, --text TEXT or --file FILE`);
        }
        const state = ctx.store().load(id).state;
        if (opts.check !== undefined) return recordCheck(ctx, id, opts);
        if (!isResolved(state)) throw new WarroomError(`${id} is not resolved yet (status ${state.status}); the review is written after resolution (warroom status ${id} resolved)`, ExitCode.failure);
        const m = modelOf(ctx, id);
        if (m.review.status === 'closed') throw new WarroomError(`the review of ${id} is closed (seq ${m.review.closedSeq}); correct a section with "warroom amend ${id} SEQ TEXT"`, ExitCode.failure);
        if (opts.section !== undefined) return recordSection(ctx, id, opts);
        const [e] = await ctx.store().append(id, [{ kind: 'review.closed', data: {} }], ctx.actor);
        const empty = m.review.sections.filter((s) => s.text === null).map((s) => s.section);
        ctx.out(`closed the review of ${id} as seq ${e!.seq}${empty.length ? `; not written: ${empty.join(', ')}` : ''}`);
      }),
    );
};
