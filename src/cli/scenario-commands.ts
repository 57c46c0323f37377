// `warroom scenarios ...`: list, show, render, validate and export the schema of runbooks.
import { ExitCode, sanitizeLine, usageError } from '../core/index.js';
import {
  findScenario,
  formatProblem,
  listRunbookFiles,
  loadScenarioFile,
  renderStep,
  resolveParams,
  scenarioJsonSchema,
  type Problem,
} from '../scenarios/index.js';
import { loadCliCatalog } from './catalog.js';
import { parseParams } from './incident-commands.js';
import type { Register } from './main.js';
import { formatScenario, formatStep } from './scenario-format.js';
import { stepFiles } from './step-files.js';

export const registerScenarioCommands: Register = (program, run) => {
  const group = program
    .command('scenarios')
    .description('the runbook catalog: list, show, render, validate, schema (user runbooks: --runbooks DIR and <state-dir>/runbooks)');

  group
    .command('list')
    .description('list the scenarios, built-in and your own')
    .option('--json', 'print as JSON')
    .action(
      run(async (ctx, opts: { json?: boolean }) => {
        const catalog = loadCliCatalog(ctx);
        const rows = catalog.scenarios.map((s) => {
          const origin = catalog.files[s.id]!;
          const replaced = catalog.overrides.filter((o) => o.id === s.id).map((o) => o.replaced);
          return { id: s.id, title: s.title, category: s.category, severity_hint: s.severity_hint ?? null, steps: s.steps.length, sources: s.sources, file: origin.file, builtin: origin.builtin, overrides: replaced };
        });
        if (opts.json) return ctx.out(JSON.stringify(rows, null, 2));
        ctx.out(['ID', 'CATEGORY', 'SEV', 'STEPS', 'TITLE'].join('\t'));
        for (const r of rows) {
          const note = r.overrides.length ? `  (user file ${r.file} overrides ${r.overrides.join(', ')})` : r.builtin ? '' : `  (user file ${r.file})`;
          ctx.out([r.id, r.category, r.severity_hint ?? '-', String(r.steps), sanitizeLine(r.title) + sanitizeLine(note)].join('\t'));
        }
      }),
    );

  group
    .command('show')
    .description('show one scenario, normalized (durations in seconds in --json)')
    .argument('<id>', 'scenario id')
    .option('--json', 'print as JSON')
    .action(
      run(async (ctx, id: string, opts: { json?: boolean }) => {
        const catalog = loadCliCatalog(ctx);
        const scenario = findScenario(catalog, id);
        if (opts.json) return ctx.out(JSON.stringify(scenario, null, 2));
        for (const l of formatScenario(scenario, catalog.files[id]!.file)) ctx.out(l);
      }),
    );

  group
    .command('render')
    .description('print the steps with their commands filled in from --param values')
    .argument('<id>', 'scenario id')
    .option('--param <key=value>', 'a param value (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--json', 'print the rendered steps as JSON')
    .option('--write-files <dir>', 'write the JSON files the commands read (file://NAME) into DIR and print the commands with those paths')
    .action(
      run(async (ctx, id: string, opts: { param: string[]; json?: boolean; writeFiles?: string }) => {
        const scenario = findScenario(loadCliCatalog(ctx), id);
        const params = resolveParams(scenario, parseParams(opts.param));
        const withFiles = scenario.steps.map((s) => stepFiles(renderStep(s, params), opts.writeFiles));
        for (const w of withFiles.flatMap((f) => f.warnings)) ctx.err(`warroom: warning: ${sanitizeLine(w)}`);
        const steps = withFiles.map((f) => f.step);
        if (opts.json) return ctx.out(JSON.stringify({ id: scenario.id, params, steps }, null, 2));
        ctx.out(`${sanitizeLine(scenario.title)} (${scenario.id})`);
        ctx.out(`params: ${sanitizeLine(Object.entries(params).map(([k, v]) => `${k}=${v}`).join(' '))}`);
        steps.forEach((s, i) => {
          ctx.out('');
          for (const l of formatStep(s, i)) ctx.out(l);
          for (const n of withFiles[i]!.notes) ctx.out(`     ${sanitizeLine(n)}`);
        });
      }),
    );

  group
    .command('validate')
    .description('check runbook files (or directories of them); prints every problem as file:line: path: message')
    .argument('<path...>', 'runbook files or directories')
    .action(
      run(async (ctx, paths: string[]) => {
        const problems: Problem[] = [];
        const ids = new Map<string, string>();
        let files = 0;
        for (const path of paths) {
          const listed = listRunbookFiles(path);
          if (listed.problem) problems.push(listed.problem);
          for (const file of listed.files) {
            files++;
            const loaded = loadScenarioFile(file);
            problems.push(...loaded.problems);
            const id = loaded.scenario?.id;
            if (id === undefined) continue;
            const twin = ids.get(id);
            if (twin) problems.push({ file, line: 1, path: 'id', message: `duplicate scenario id "${id}" (also in ${twin})` });
            else ids.set(id, file);
          }
        }
        if (files === 0 && problems.length === 0) throw usageError(`no .yaml or .yml files in ${paths.join(', ')}`);
        for (const p of problems) ctx.err(sanitizeLine(formatProblem(p)));
        if (problems.length) {
          ctx.err(`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${files} ${files === 1 ? 'file' : 'files'}`);
          return ExitCode.failure;
        }
        ctx.out(`ok: ${files} ${files === 1 ? 'file' : 'files'}, ${ids.size} ${ids.size === 1 ? 'scenario' : 'scenarios'}`);
      }),
    );

  group
    .command('schema')
    .description('print the JSON Schema of a runbook file (for editors: # yaml-language-server: $schema=runbook.schema.json)')
    .action(run(async (ctx) => ctx.out(JSON.stringify(scenarioJsonSchema(), null, 2))));
};
