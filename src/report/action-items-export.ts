// Action items in the shapes trackers import: Jira's CSV importer and GitHub issues (REST/`gh` JSON), and a
// `gh issue create` command per item, printed for a person to run. Pure: text in, text out.
import type { ActionItem } from '../core/review/record.js';
import { ACTION_STATUSES, ACTION_TYPES, type ActionPriority, type ActionStatus, type ActionType } from '../core/review/vocabulary.js';
import { sanitize, sanitizeLine } from '../core/index.js';
import { csvCell } from './timeline-export.js';

export const EXPORT_SHAPES = ['jira', 'github'] as const;
export type ExportShape = (typeof EXPORT_SHAPES)[number];

const JIRA_PRIORITY: Record<ActionPriority, string> = { P1: 'Highest', P2: 'High', P3: 'Medium', P4: 'Low' };
const JIRA_STATUS: Record<ActionStatus, string> = { open: 'To Do', 'in-progress': 'In Progress', done: 'Done', 'wont-do': "Won't Do" };
/** Jira takes repeated "Labels" columns as several labels; the importer maps "External ID" and "Ticket" by name. */
export const JIRA_COLUMNS = ['Summary', 'Issue Type', 'Priority', 'Assignee', 'Due Date', 'Labels', 'Labels', 'Status', 'Ticket', 'External ID', 'Description'] as const;
export const GITHUB_COLUMNS = ['title', 'body', 'labels', 'assignees', 'state'] as const;

const SUMMARY_MAX = 255; // Jira's summary limit
const summary = (t: string) => {
  const line = sanitizeLine(t);
  return line.length > SUMMARY_MAX ? `${line.slice(0, SUMMARY_MAX - 1)}…` : line;
};
const FOOTER = '\n\n-- warroom: ';
const description = (i: ActionItem) => `${sanitize(i.text)}${FOOTER}incident ${i.incident}, timeline seq ${i.seq}${i.ticket ? `, ticket ${sanitizeLine(i.ticket)}` : ''}`;

function jiraRow(i: ActionItem): string[] {
  return [summary(i.text), 'Task', i.priority ? JIRA_PRIORITY[i.priority] : '', sanitizeLine(i.owner ?? ''), i.due ?? '', i.type ?? '', i.incident, JIRA_STATUS[i.status], sanitizeLine(i.ticket ?? ''), `${i.incident}#${i.seq}`, description(i)];
}

const labels = (i: ActionItem) => ['postmortem', i.incident, ...(i.priority ? [`priority:${i.priority}`] : []), ...(i.type ? [`type:${i.type}`] : []), ...(i.due ? [`due:${i.due}`] : [])];

const githubIssue = (i: ActionItem) => ({
  title: summary(i.text),
  body: description(i),
  labels: labels(i),
  assignees: i.owner ? [sanitizeLine(i.owner)] : [],
  state: i.status === 'done' || i.status === 'wont-do' ? 'closed' : 'open',
});

const csv = (rows: readonly (readonly string[])[]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

export function actionItemsCsv(items: readonly ActionItem[], shape: ExportShape): string {
  if (shape === 'jira') return csv([[...JIRA_COLUMNS], ...items.map(jiraRow)]);
  return csv([[...GITHUB_COLUMNS], ...items.map((i) => {
    const g = githubIssue(i);
    return [g.title, g.body, g.labels.join(','), g.assignees.join(','), g.state];
  })]);
}

export function actionItemsJson(items: readonly ActionItem[], shape: ExportShape): string {
  if (shape === 'github') return JSON.stringify(items.map(githubIssue), null, 2) + '\n';
  return JSON.stringify(items.map((i) => Object.fromEntries(JIRA_COLUMNS.map((c, k) => [k === 6 ? 'Labels (incident)' : c, jiraRow(i)[k]]))), null, 2) + '\n';
}

// One line per command: text with line breaks goes in ANSI-C quotes ($'...'), which bash and zsh read.
const shellQuote = (s: string) =>
  /[\n\r]/.test(s) ? `$'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'` : `'${s.replace(/'/g, `'\\''`)}'`;

/** One `gh issue create` per item, for a person to read and run; warroom never runs them. */
export function ghCommands(items: readonly ActionItem[], repo?: string): string[] {
  return items.map((i) => {
    const g = githubIssue(i);
    return ['gh issue create', ...(repo ? [`--repo ${shellQuote(repo)}`] : []), `--title ${shellQuote(g.title)}`, `--body ${shellQuote(g.body)}`, ...g.labels.map((l) => `--label ${shellQuote(l)}`), ...g.assignees.map((a) => `--assignee ${shellQuote(a)}`)].join(' ');
  });
}

// A cell that csvCell guarded against formula injection starts with ' before = + - @ tab or CR.
const unguard = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
const pick = <T extends string>(all: readonly T[], v: string): T | null => ((all as readonly string[]).includes(v) ? (v as T) : null);

/** A row of the Jira CSV (as a CSV parser gives it, cells in column order) read back into an action item. */
export function fromJiraRow(cells: readonly string[]): Omit<ActionItem, 'createdAt' | 'createdBy' | 'updates'> {
  const c = cells.map(unguard);
  const [incident = '', seq = ''] = (c[9] ?? '').split('#');
  const desc = c[10] ?? '';
  const footer = desc.lastIndexOf(FOOTER);
  const ticket = c[8] ?? '';
  return {
    incident,
    seq: Number(seq),
    text: footer >= 0 ? desc.slice(0, footer) : desc,
    owner: c[3] || null,
    priority: (Object.entries(JIRA_PRIORITY).find(([, v]) => v === c[2])?.[0] as ActionPriority | undefined) ?? null,
    type: pick<ActionType>(ACTION_TYPES, c[5] ?? ''),
    due: c[4] || null,
    ticket: ticket || null,
    status: (Object.entries(JIRA_STATUS).find(([, v]) => v === c[7])?.[0] as ActionStatus | undefined) ?? pick<ActionStatus>(ACTION_STATUSES, c[7] ?? '') ?? 'open',
  };
}

