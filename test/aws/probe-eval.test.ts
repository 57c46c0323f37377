import { describe, expect, it } from 'vitest';
import { checkExpect, evaluatePath, judgeResponse, parsePath } from '../../src/aws/probe-eval.js';
import { clockParams, type ExpectSpec } from '../../src/core/index.js';

const cluster = {
  DBClusters: [
    { Status: 'available', DBClusterMembers: [{ DBInstanceIdentifier: 'a', IsClusterWriter: false }, { DBInstanceIdentifier: 'b', IsClusterWriter: true }] },
    { Status: 'creating', DBClusterMembers: [] },
  ],
  Table: { TableStatus: 'ACTIVE', ItemCount: 0, Created: new Date('2026-01-01T00:00:00Z') },
};

describe('evaluatePath', () => {
  it.each([
    ['Table.TableStatus', ['ACTIVE']],
    ['Table.ItemCount', [0]],
    ['DBClusters[0].Status', ['available']],
    ['DBClusters[1].Status', ['creating']],
    ['DBClusters[2].Status', []],
    ['DBClusters[*].Status', ['available', 'creating']],
    ['DBClusters[0].DBClusterMembers[*].IsClusterWriter', [false, true]],
    ['DBClusters[*].DBClusterMembers[*].DBInstanceIdentifier', ['a', 'b']],
    ['Table.Missing', []],
    ['Nope.Deeper[0].x', []],
    ['Table[0]', []],
    ['DBClusters.Status', []],
  ])('%s -> %j', (path, expected) => {
    expect(evaluatePath(cluster, path)).toEqual(expected);
  });

  it.each(['', 'a..b', 'a[x]', 'a[', '.a'])('rejects the malformed path %j', (path) => {
    expect(() => parsePath(path)).toThrow(/not valid/);
  });
});

describe('checkExpect', () => {
  it.each<[unknown[], ExpectSpec, boolean]>([
    [['ACTIVE'], { equals: 'ACTIVE' }, true],
    [['CREATING'], { equals: 'ACTIVE' }, false],
    [[], { equals: 'ACTIVE' }, false],
    [[false, true], { equals: true }, true],
    [[false, false], { equals: true }, false],
    [[5], { equals: '5' }, true],
    [['available'], { not_equals: 'failing-over' }, true],
    [['failing-over'], { not_equals: 'failing-over' }, false],
    [[], { not_equals: 'x' }, false],
    [['INSYNC'], { in: ['PENDING', 'INSYNC'] }, true],
    [['deleted'], { in: ['PENDING', 'INSYNC'] }, false],
    [['x'], { exists: true }, true],
    [[], { exists: true }, false],
    [[], { exists: false }, true],
    [['x'], { exists: false }, false],
    [[29], { lt: 30 }, true],
    [[30], { lt: 30 }, false],
    [[30], { lte: 30 }, true],
    [['12'], { gt: 10 }, true],
    [['abc'], { gt: 10 }, false],
    [[10], { gte: 10 }, true],
    [[9], { gte: 10 }, false],
    [['Success: HTTP Status Code 200'], { matches: '^Success' }, true],
    [['Failure: timed out'], { matches: '^Success' }, false],
    [['x'], { matches: '(' }, false],
  ])('%j %j -> %s', (values, expectSpec, passed) => {
    expect(checkExpect(values, expectSpec).passed).toBe(passed);
  });
});

describe('judgeResponse', () => {
  it('gives evidence keyed by path and a one-line summary', () => {
    const r = judgeResponse(cluster, 'Table.Created', { exists: true });
    expect(r).toEqual({ passed: true, evidence: { 'Table.Created': '2026-01-01T00:00:00.000Z' }, summary: 'Table.Created = "2026-01-01T00:00:00.000Z"; expected present' });
  });
  it('says nothing was read when the path is absent', () => {
    const r = judgeResponse(cluster, 'Table.Gone', { equals: 'ACTIVE' });
    expect(r.passed).toBe(false);
    expect(r.evidence).toEqual({ 'Table.Gone': null });
    expect(r.summary).toBe('Table.Gone = nothing; expected equals ACTIVE');
  });
});

describe('match: every (no value fails; none at all passes)', () => {
  it('passes on no values and on all-zero values, fails on one value at or above the limit', () => {
    expect(checkExpect([], { lt: 1 }, 'every').passed).toBe(true);
    expect(checkExpect([], { lt: 1 }, 'all').passed).toBe(false);
    expect(checkExpect([0, 0], { lt: 1 }, 'every').passed).toBe(true);
    expect(checkExpect([0, 3, 0], { lt: 1 }, 'every').passed).toBe(false);
  });
});

describe('clock placeholders', () => {
  it('fills now and minutes_ago_N from the instant given', () => {
    expect(clockParams(['now', 'minutes_ago_5', 'table'], Date.parse('2026-12-03T10:00:00Z'))).toEqual({ now: '2026-12-03T10:00:00.000Z', minutes_ago_5: '2026-12-03T09:55:00.000Z' });
  });
});
