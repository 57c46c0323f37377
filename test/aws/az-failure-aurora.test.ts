// az-failure's Aurora check proves what an AZ loss needs: the cluster is available and has a writer. It does not
// claim a failover (none is needed when the writer sits in a healthy zone), so its title no longer says so.
import { describe, expect, it } from 'vitest';
import { judgeResponse } from '../../src/aws/probe-eval.js';
import { loadCatalog } from '../../src/scenarios/index.js';

const step = loadCatalog({}).scenarios.find((s) => s.id === 'az-failure')!.steps.find((s) => s.id === 'check-aurora')!;
const judged = (Status: string, members: { DBInstanceIdentifier: string; IsClusterWriter: boolean }[]) =>
  judgeResponse({ DBClusters: [{ Status, DBClusterMembers: members }] }, step.verify!.path, step.verify!.expect, { match: step.verify!.match, and: step.verify!.and });

describe('az-failure check-aurora', () => {
  it('passes when the cluster is available with a writer', () => {
    expect(judged('available', [{ DBInstanceIdentifier: 'db-1', IsClusterWriter: false }, { DBInstanceIdentifier: 'db-2', IsClusterWriter: true }]).passed).toBe(true);
  });
  it('fails while no member is the writer (a failover under way), even if the status reads available', () => {
    expect(judged('available', [{ DBInstanceIdentifier: 'db-1', IsClusterWriter: false }, { DBInstanceIdentifier: 'db-2', IsClusterWriter: false }]).passed).toBe(false);
  });
  it('fails while the cluster is failing over', () => {
    expect(judged('failing-over', [{ DBInstanceIdentifier: 'db-2', IsClusterWriter: true }]).passed).toBe(false);
  });
  it('does not claim a failover in its title', () => {
    expect(step.title).not.toMatch(/failed over/);
  });
});
