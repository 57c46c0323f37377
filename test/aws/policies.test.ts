// The shipped IAM policies grant exactly what warroom calls: a missing action would surface mid-incident.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iamActionFor } from '../../src/aws/classify-error.js';
import { ACTION_OPERATIONS, AWS_SERVICES, READ_OPERATIONS } from '../../src/core/index.js';

const actionsIn = (file: string): Set<string> => {
  const doc = JSON.parse(readFileSync(new URL(`../../policies/${file}`, import.meta.url), 'utf8')) as { Statement: { Effect: string; Action: string[] }[] };
  return new Set(doc.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => s.Action));
};
const reads = [...AWS_SERVICES.flatMap((s) => READ_OPERATIONS[s].map((operation) => iamActionFor({ service: s, operation }))), 'cloudwatch:GetMetricData', 'dynamodb:ListTables', 'route53:ListHostedZones'];
const mutations = AWS_SERVICES.flatMap((s) => ACTION_OPERATIONS[s].map((operation) => iamActionFor({ service: s, operation })));

describe('IAM policies', () => {
  it('read-only grants every read and no mutation', () => {
    const ro = actionsIn('warroom-read-only.json');
    for (const a of reads) expect(ro, a).toContain(a);
    for (const a of mutations) expect(ro.has(a), a).toBe(false);
  });

  it('read-and-actions grants every read and every action', () => {
    const rw = actionsIn('warroom-read-and-actions.json');
    for (const a of [...reads, ...mutations]) expect(rw, a).toContain(a);
  });
});
