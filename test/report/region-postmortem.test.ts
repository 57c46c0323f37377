// Done-when for the postmortem: the region-failure tabletop script, run end to end, gives a postmortem whose
// every citation names an event on the timeline, whose action items survive the tracker CSV, and whose review
// commands refuse bad input with one line.
import { writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionItems } from '../../src/core/review/record.js';
import { fromJiraRow } from '../../src/report/action-items-export.js';
import { runRegionFailure } from './region-script.js';

type Run = Awaited<ReturnType<typeof runRegionFailure>>;

describe('postmortem of the region-failure tabletop script', () => {
  let run: Run;
  let draftMd: string;
  let md: string;
  let seqs: Set<number>;

  beforeAll(async () => {
    run = await runRegionFailure({ closeReview: false });
    await run.review();
    draftMd = (await run.ok('alice', 'report', run.id)).out;
    await run.ok('alice', 'review', run.id, '--done');
    md = (await run.ok('alice', 'report', run.id)).out;
    seqs = new Set(run.store.load(run.id).events.map((e) => e.seq));
    if (process.env.POSTMORTEM_OUT) writeFileSync(process.env.POSTMORTEM_OUT, md + '\n');
  }, 120_000);

  it('cites only events that exist, and every generated statement cites at least one', async () => {
    const cited = [...md.matchAll(/\[#(\d+)\]/g)].map((m) => Number(m[1]));
    expect(cited.length).toBeGreaterThan(40);
    expect(cited.filter((n) => !seqs.has(n))).toEqual([]);
    const json = JSON.parse((await run.ok('alice', 'report', run.id, '--format', 'json')).out);
    const statements = json.review.sections.flatMap((s: { draft: { cites: number[] }[] }) => s.draft);
    expect(statements.length).toBeGreaterThan(20);
    for (const st of statements) {
      expect(st.cites.length).toBeGreaterThan(0);
      for (const n of st.cites) expect(seqs.has(n)).toBe(true);
    }
  });

  it('drafts the findings the record shows: detection delay, late updates, a skipped and an out-of-order step, a failed and an unchecked verification, actions with before and after', () => {
    expect(md).toMatch(/detected at 2026-11-21 09:04:00Z, 4m 00s later\. \[#\d+\] \[#\d+\]/);
    expect(md).toMatch(/The update due 2026-11-21 09:10:00Z went out 2m 00s late\. \[#\d+\]/);
    expect(md).toMatch(/scale-up began before deploy-dr, which it depends on, was finished/);
    expect(md).toMatch(/dns-check failed: api\.audityzer\.com still served by the PRIMARY set/);
    expect(md).toMatch(/confirm-region could not check: access denied/);
    expect(md).toMatch(/PromoteReadReplica on audityzer-db-replica-dr .* Before: .* After: .*db-available verification passed/);
    expect(md).toMatch(/RPO for Platform: 4m 00s against 1d 0h 00m, met/);
  });

  it('is in postmortem order, DRAFT only while the review is open, with post-checks and the journal head', () => {
    expect(draftMd.split('\n')[0]).toMatch(/^# DRAFT Exercise report/);
    expect(md.split('\n')[0]).toMatch(/^# Exercise report: INC-\d{8}-\w{4} Primary region unreachable$/);
    const at = (h: string) => md.indexOf(`\n${h}\n`);
    expect(at('## Summary')).toBeLessThan(at('## Impact'));
    expect(at('## Impact')).toBeLessThan(at('## Review'));
    expect(at('## Action items')).toBeLessThan(at('## Key milestones'));
    expect(at('## Timeline (UTC)')).toBeLessThan(at('## Appendix: full timeline (UTC)'));
    expect(md).toMatch(/\| region-failure-dr-failover \| All services operational in the DR region \| passed \| bob \|/);
    expect(md).toMatch(/\| Data integrity verified; data loss window documented \| \*\*failed\*\* \|/);
    expect(md).toMatch(/\| Customers notified \| not recorded \|/);
    expect(md).toMatch(/- Head: `\d+:[0-9a-f]{8,}`/);
    // The summary was corrected by an amendment: the report shows the correction and says so.
    expect(md).toContain('were mitigated at 09:34Z, resolved 10:00Z');
    expect(md).toMatch(/corrected 1 time\(s\)/);
  });

  it('collapses metric snapshots and the alarm flap into one row each in the readable timeline', () => {
    const readable = md.slice(md.indexOf('\n## Timeline (UTC)\n'), md.indexOf('\n## Appendix'));
    expect(readable).toMatch(/metric primary_health: 3 snapshots, seq \d+ to \d+ \| 3 \|/);
    expect(readable).toMatch(/alarm api-primary-health-check flapped: OK -> ALARM -> OK -> ALARM \(3 changes/);
    const appendix = md.slice(md.indexOf('\n## Appendix'));
    expect(appendix.match(/\| metric\.snapshot \|/g)).toHaveLength(4);
  });

  it('round-trips the action items through the Jira CSV, and exports GitHub JSON and gh commands', async () => {
    const items = actionItems(run.id, run.store.load(run.id).events);
    expect(items).toHaveLength(3);
    const csv = (await run.ok('alice', 'actions', '--incident', run.id, '--format', 'csv', '--shape', 'jira')).out;
    const rows = parse(csv, { relaxColumnCount: false }) as string[][];
    expect(rows[0]).toContain('Summary');
    const back = rows.slice(1).map(fromJiraRow);
    expect(back).toEqual(items.map(({ createdAt: _a, createdBy: _b, updates: _u, ...rest }) => rest));
    // The formula guard keeps "-Keep..." from running in a spreadsheet, and the reader takes it off again.
    expect(csv).toContain(`"'-Keep the phone bridge, ""tested quarterly"", in the DR plan"`);
    const gh = JSON.parse((await run.ok('alice', 'actions', '--incident', run.id, '--format', 'json', '--shape', 'github')).out);
    expect(gh[0]).toMatchObject({ title: 'Automate the Route 53 failover', assignees: ['bob'], labels: expect.arrayContaining(['priority:P1', 'type:mitigate']) });
    const cmds = (await run.ok('alice', 'actions', '--incident', run.id, '--gh', '--repo', 'acme/ops')).out.split('\n');
    expect(cmds).toHaveLength(3);
    expect(cmds[2]).toMatch(/^gh issue create --repo 'acme\/ops' --title '-Keep the phone bridge, "tested quarterly", in the DR plan' --body \$'.*' --label 'postmortem'/);
  });

  it('lists open items across incidents by owner, and records a status change', async () => {
    const bob = (await run.ok('alice', 'actions', '--open', '--owner', 'bob')).out.split('\n');
    expect(bob).toHaveLength(2);
    expect(bob[1]).toContain('Automate the Route 53 failover');
    const seq = bob[1]!.split('\t')[1]!;
    await run.ok('bob', 'actions', 'update', run.id, seq, '--status', 'done', '--ticket', 'OPS-40');
    expect((await run.ok('alice', 'actions', '--open', '--owner', 'bob')).out).toBe('no action items match');
    expect((await run.ok('alice', 'actions', '--owner', 'bob')).out).toMatch(/\tdone\tP1\tmitigate\t2026-12-15\tbob\tOPS-40\t/);
  });

  it('refuses bad review input with one line and the right exit code, recording nothing', async () => {
    const before = run.store.load(run.id).events.length;
    const cases: [string[], number, RegExp][] = [
      [['review', run.id, '--section', 'vibes', '--text', 'x'], 2, /^warroom: unknown section "vibes" \(use one of summary, impact, /],
      [['review', run.id, '--accept'], 2, /^warroom: --accept, --text and --file need --section NAME$/],
      [['review', run.id, '--section', 'lessons'], 2, /needs exactly one of --accept, --text TEXT or --file FILE/],
      [['review', run.id, '--section', 'lessons', '--text', 'late'], 1, /^warroom: the review of INC-\S+ is closed \(seq \d+\); correct a section with "warroom amend/],
      [['actions', 'add', run.id, 'x', '--due', 'tomorrow'], 2, /^warroom: --due "tomorrow" is not a date \(give YYYY-MM-DD\)$/],
      [['actions', 'update', run.id, '1', '--status', 'done'], 3, /has no action item at seq 1/],
    ];
    for (const [argv, code, err] of cases) {
      const r = await run.h.run(...argv);
      expect(r.code, argv.join(' ')).toBe(code);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).toMatch(err);
    }
    expect(run.store.load(run.id).events.length).toBe(before);
  });
});

describe('review before resolution', () => {
  it('prints the drafts, but records nothing until the incident is resolved', async () => {
    const { h } = await import('./cli-io.js').then((m) => ({ h: m.cliHarness() }));
    const id = (await h.run('new', '--title', 'Orders slow', '--severity', 'SEV3')).out.trim();
    await h.run('mark', id, 'impact-started');
    const shown = await h.run('review', id);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/== Summary \(--section summary\) ==/);
    const r = await h.run('review', id, '--section', 'summary', '--text', 'too early');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^warroom: INC-\S+ is not resolved yet \(status triage\); the review is written after resolution \(warroom status INC-\S+ resolved\)$/);
  });
});
