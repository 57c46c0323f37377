import { describe, expect, it } from 'vitest';
import { recoveryTargets, type VerifySpec } from '../../src/core/index.js';

const verify = (service: VerifySpec['service'], args: Record<string, string>, region: VerifySpec['region'] = 'primary'): VerifySpec => ({
  service,
  operation: 'Describe',
  region,
  args,
  path: 'x',
  expect: { exists: true },
  interval_seconds: 10,
  deadline_seconds: 60,
});

describe('recoveryTargets', () => {
  it('takes the first table and cluster the verify steps read, tied to the matching objective', () => {
    const targets = recoveryTargets(
      [
        {
          objectives: [{ component: 'API Gateway', rto_seconds: 60 }, { component: 'DynamoDB Tables (production)', rto_seconds: 7200, rpo_seconds: 60 }, { component: 'Aurora Database', rpo_seconds: 900 }],
          steps: [
            {},
            { verify: verify('dynamodb', { TableName: '{{table}}' }) },
            { verify: verify('dynamodb', { TableName: '{{target_table}}' }) },
            { verify: verify('rds', { DBClusterIdentifier: '{{cluster}}' }, 'dr') },
            { verify: verify('route53', { Id: 'x' }) },
          ],
        },
      ],
      { table: 'orders', target_table: 'orders-restored', cluster: 'prod-aurora' },
    );
    expect(targets).toEqual([
      { component: 'DynamoDB Tables (production)', service: 'dynamodb', resource: 'orders', region: 'primary' },
      { component: 'Aurora Database', service: 'rds', resource: 'prod-aurora', region: 'dr' },
    ]);
  });

  it('skips resources whose params the incident lacks, and names a component when no objective matches', () => {
    const targets = recoveryTargets([{ objectives: [], steps: [{ verify: verify('rds', { DBInstanceIdentifier: '{{instance}}' }) }, { verify: verify('dynamodb', { TableName: '{{table}}' }) }] }], { table: 't' });
    expect(targets).toEqual([{ component: 'DynamoDB', service: 'dynamodb', resource: 't', region: 'primary' }]);
  });

  it('ties a resource to the single objective of a scenario that has one for the whole platform', () => {
    const targets = recoveryTargets([{ objectives: [{ component: 'Platform', rto_seconds: 14400, rpo_seconds: 86400 }], steps: [{ verify: verify('rds', { DBInstanceIdentifier: '{{db}}' }, 'dr') }] }], { db: 'replica-dr' });
    expect(targets).toEqual([{ component: 'Platform', service: 'rds', resource: 'replica-dr', region: 'dr' }]);
  });
});
