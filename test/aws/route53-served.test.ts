// The served answer from checker reports moto cannot produce (moto's checkers always report success).
import { describe, expect, it } from 'vitest';
import { healthFrom, servedRecord, type HealthState } from '../../src/aws/route53-served.js';

const pair = [
  { Name: 'api.example.com.', Type: 'CNAME', SetIdentifier: 'p', Failover: 'PRIMARY', HealthCheckId: 'hc-p', ResourceRecords: [{ Value: 'primary' }] },
  { Name: 'api.example.com.', Type: 'CNAME', SetIdentifier: 's', Failover: 'SECONDARY', HealthCheckId: 'hc-s', ResourceRecords: [{ Value: 'dr' }] },
];
const health = (p: boolean, s: boolean) => new Map<string, HealthState>([['hc-p', { healthy: p, reason: '' }], ['hc-s', { healthy: s, reason: '' }]]);

describe('what Route 53 serves', () => {
  it('a health check is unhealthy when 18% or fewer checkers report success, and inverted flips it', () => {
    const reports = ['Failure: timed out', 'Failure: timed out', 'Failure: timed out', 'Failure: timed out', 'Failure: timed out', 'Success: HTTP 200'];
    expect(healthFrom(reports).healthy).toBe(false);
    expect(healthFrom(['Success: 200', ...reports.slice(1)]).healthy).toBe(true);
    expect(healthFrom(['Success: HTTP 200'], { Inverted: true }).healthy).toBe(false);
    expect(healthFrom([], {}).healthy).toBe(false);
    expect(healthFrom(['Failure: x'], { Disabled: true }).healthy).toBe(true);
  });

  it('a failover pair serves the secondary only when the primary is unhealthy and the secondary is not', () => {
    expect(servedRecord(pair, 'api.example.com', undefined, health(true, true)).Served).toEqual(['primary']);
    expect(servedRecord(pair, 'api.example.com', undefined, health(false, true))).toMatchObject({ Kind: 'failover', Served: ['dr'] });
    expect(servedRecord(pair, 'api.example.com', undefined, health(false, false)).Served).toEqual(['primary']);
  });

  it('a name with no record set serves nothing', () => {
    expect(servedRecord(pair, 'www.example.com', undefined, health(true, true))).toMatchObject({ Kind: 'none', Served: [] });
  });
});
