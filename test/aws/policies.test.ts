// The shipped IAM policies grant exactly what warroom calls: a missing action would surface mid-incident.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { iamActionFor } from '../../src/aws/classify-error.js';
import { COMPOSED_READ_ACTIONS } from '../../src/aws/route53-served.js';
import { ACTION_OPERATIONS, AWS_SERVICES, READ_OPERATIONS } from '../../src/core/index.js';

const actionsIn = (file: string): Set<string> => {
  const doc = JSON.parse(readFileSync(new URL(`../../policies/${file}`, import.meta.url), 'utf8')) as { Statement: { Effect: string; Action: string[] }[] };
  return new Set(doc.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => s.Action));
};
const reads = [
  ...AWS_SERVICES.flatMap((s) => READ_OPERATIONS[s].flatMap((operation) => {
    const action = iamActionFor({ service: s, operation });
    return COMPOSED_READ_ACTIONS[action] ?? [action];
  })),
  'cloudwatch:GetMetricData', 'dynamodb:ListTables', 'route53:ListHostedZones',
];
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

  it('read-and-actions grants the KMS a restore of a CMK-encrypted table or snapshot needs, only through DynamoDB and RDS; DescribeKey alone is a read', () => {
    const doc = JSON.parse(readFileSync(new URL('../../policies/warroom-read-and-actions.json', import.meta.url), 'utf8')) as { Statement: { Action: string[]; Condition?: Record<string, Record<string, string[]>> }[] };
    // kms:DescribeKey on its own is a read (kms-key-deletion's checks); everything else of KMS only through the services.
    const kms = doc.Statement.filter((s) => s.Action.some((a) => a.startsWith('kms:')) && s.Condition);
    expect(kms.flatMap((s) => s.Action).sort()).toEqual(['kms:CreateGrant', 'kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey']);
    for (const s of kms) expect(s.Condition?.StringLike?.['kms:ViaService']).toEqual(['dynamodb.*.amazonaws.com', 'rds.*.amazonaws.com']);
    const unconditioned = doc.Statement.filter((s) => s.Action.some((a) => a.startsWith('kms:')) && !s.Condition).flatMap((s) => s.Action);
    expect(unconditioned).toEqual(['kms:DescribeKey']);
    expect([...actionsIn('warroom-read-only.json')].filter((a) => a.startsWith('kms:'))).toEqual(['kms:DescribeKey']);
  });
});
