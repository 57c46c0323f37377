// The players' situation manual is Markdown prose: a runbook's multi-line summary reads as one paragraph.
import { describe, expect, it } from 'vitest';
import { renderHandoutMarkdown } from '../../src/report/aar-markdown.js';

describe('the situation manual', () => {
  it('joins the lines of a multi-line summary and impact into paragraphs, without line-break marks', () => {
    const out = renderHandoutMarkdown({
      title: 'Table corruption',
      scenarioId: 'dynamodb-table-corruption',
      summary: 'Items are wrong or missing (a mistaken delete).\nStop the writes, restore,\ncompare.\n',
      impact: 'Reads return wrong items;\nwrites widen the damage.',
      services: ['dynamodb'],
      objectives: [],
      steps: [],
      params: {},
    });
    expect(out).not.toContain('⏎');
    expect(out).toContain('Items are wrong or missing (a mistaken delete). Stop the writes, restore, compare.\n');
    expect(out).toContain('Impact: Reads return wrong items; writes widen the damage.\n');
  });
});
