// `warroom actions`: action items across incidents (open ones, one owner's), exported in the shapes Jira and
// GitHub import, with a `gh issue create` command per item printed (never run). `actions add` and
// `actions update` record an item and its changes on an incident's timeline.
import { Option, type Command } from 'commander';
import { notFound, sanitizeLine, usageError, type NewEvent } from '../core/index.js';
import { actionItems, type ActionItem } from '../core/review/record.js';
import { ACTION_PRIORITIES, ACTION_STATUSES, ACTION_TYPES, isOpenStatus } from '../core/review/vocabulary.js';
import { actionItemsCsv, actionItemsJson, EXPORT_SHAPES, ghCommands, type ExportShape } from '../report/action-items-export.js';
import type { CliContext } from './context.js';
import type { Register } from './main.js';

interface FieldOptions {
  owner?: string;
  priority?: string;
  type?: string;
  due?: string;
  ticket?: string;
  status?: string;
}

const fieldOptions = (c: Command) =>
  c
    .option('--owner <name>', 'who does it')
    .addOption(new Option('--priority <p>', 'priority').choices(ACTION_PRIORITIES))
    .addOption(new Option('--type <t>', 'what it does about the incident').choices(ACTION_TYPES))
    .option('--due <date>', 'due date, YYYY-MM-DD')
    .option('--ticket <link>', 'the tracker ticket (URL or key)')
    .addOption(new Option('--status <s>', 'status').choices(ACTION_STATUSES));

function fields(o: FieldOptions) {
  if (o.due !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.due)) throw usageError(`--due "${o.due}" is not a date (give YYYY-MM-DD)`);
  const out: Record<string, string> = {};
  for (const k of ['owner', 'priority', 'type', 'due', 'ticket', 'status'] as const) if (o[k] !== undefined) out[k] = o[k]!;
  return out;
}

async function allItems(ctx: CliContext, only?: string): Promise<ActionItem[]> {
  const store = ctx.store();
  const ids = only ? [only] : (await store.list()).filter((i) => {
    if (i.problem) ctx.err(`warroom: warning: ${i.id} skipped: its journal ${i.problem.kind === 'unreadable' ? 'cannot be read' : 'fails verification'} (run "warroom verify ${i.id}")`);
    return !i.problem;
  }).map((i) => i.id);
  return ids.flatMap((id) => actionItems(id, store.load(id).events));
}

export const registerActionsCommands: Register = (program: Command, run) => {
  const actions = program.command('actions').description('action items across incidents: list, export for Jira or GitHub, add, update');

  actions
    .command('list', { isDefault: true })
    .description('list action items across incidents (the default)')
    .option('--open', 'only items still open or in progress')
    .option('--owner <name>', 'only this owner\'s items')
    .option('--incident <id>', 'only this incident\'s items')
    .addOption(new Option('--format <f>', 'output format').choices(['text', 'csv', 'json']).default('text'))
    .addOption(new Option('--shape <s>', 'with csv/json: the tracker to import into').choices(EXPORT_SHAPES).default('jira'))
    .option('--gh', 'print a "gh issue create" command per item (printed, never run)')
    .option('--repo <owner/name>', 'with --gh: the repository')
    .action(
      run(async (ctx, opts: { open?: boolean; owner?: string; incident?: string; format: string; shape: ExportShape; gh?: boolean; repo?: string }) => {
        const items = (await allItems(ctx, opts.incident)).filter((i) => (!opts.open || isOpenStatus(i.status)) && (!opts.owner || i.owner === opts.owner));
        if (opts.gh) return ctx.out(ghCommands(items, opts.repo).join('\n') || '# no action items match');
        if (opts.format === 'csv') return ctx.out(actionItemsCsv(items, opts.shape).replace(/\r\n$/, ''));
        if (opts.format === 'json') return ctx.out(actionItemsJson(items, opts.shape).replace(/\n$/, ''));
        if (items.length === 0) return ctx.out('no action items match');
        ctx.out(['INCIDENT', 'SEQ', 'STATUS', 'PRIORITY', 'TYPE', 'DUE', 'OWNER', 'TICKET', 'ITEM'].join('\t'));
        for (const i of items) ctx.out([i.incident, i.seq, i.status, i.priority ?? '-', i.type ?? '-', i.due ?? '-', i.owner ?? '-', i.ticket ?? '-', i.text].map(sanitizeLine).join('\t'));
      }),
    );

  fieldOptions(actions.command('add').description('record an action item on an incident').argument('<id>', 'incident id').argument('<text...>', 'what is to be done')).action(
    run(async (ctx, id: string, words: string[], opts: FieldOptions) => {
      const text = words.join(' ');
      if (!text.trim()) throw usageError('the action item has no text (say what is to be done)');
      const [e] = await ctx.store().append(id, [{ kind: 'action_item.added', data: { text, ...fields(opts) } } as NewEvent], ctx.actor);
      ctx.out(String(e!.seq));
    }),
  );

  fieldOptions(actions.command('update').description('record a change to an action item (status, owner, due date...)').argument('<id>', 'incident id').argument('<seq>', 'the action item\'s seq')).action(
    run(async (ctx, id: string, seqArg: string, opts: FieldOptions) => {
      const target = Number(seqArg);
      const changes = fields(opts);
      if (Object.keys(changes).length === 0) throw usageError('nothing to change (give --status, --owner, --priority, --type, --due or --ticket)');
      const item = actionItems(id, ctx.store().load(id).events).find((i) => i.seq === target);
      if (!item) throw notFound(`${id} has no action item at seq ${seqArg} (run "warroom actions --incident ${id}")`);
      const [e] = await ctx.store().append(id, [{ kind: 'action_item.updated', data: { target, ...changes } } as NewEvent], ctx.actor);
      ctx.out(String(e!.seq));
    }),
  );
};
