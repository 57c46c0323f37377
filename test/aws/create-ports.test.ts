import { describe, expect, it } from 'vitest';
import { createAwsPorts } from '../../src/aws/create-ports.js';
import { fixedClock } from '../../src/core/index.js';
import { restorePitr } from './support/fixtures.js';

const clock = fixedClock(0);
const configured = { AWS_REGION: 'eu-west-2', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' };

describe('createAwsPorts', () => {
  it('no AWS configuration at all: the simulated AWS', () => {
    const p = createAwsPorts({ mode: 'live', allowActions: false, env: { HOME: '/nonexistent' }, clock });
    expect(p.mode).toBe('simulated');
    expect(p.sim).toBeDefined();
  });

  it('AWS configured and mode live: the live adapters, with the given regions', () => {
    const p = createAwsPorts({ mode: 'live', drRegion: 'eu-west-1', allowActions: false, env: configured, clock });
    expect(p.mode).toBe('live');
    expect(p.describe).toEqual({ region: 'eu-west-2', drRegion: 'eu-west-1' });
    expect(p.actions.enabled).toBe(false);
  });

  it('exercise mode never gets live ports, even with AWS configured and --allow-actions', async () => {
    const p = createAwsPorts({ mode: 'exercise', allowActions: true, env: configured, clock });
    expect(p.mode).toBe('simulated');
    expect(p.describe.region).toBe('eu-west-2');
    const r = await p.actions.execute({ spec: restorePitr, params: { table: 'orders', target_table: 't1', restore_time: '2026-01-01T00:00:00Z' }, confirmation: 't1' });
    expect(r.simulated).toBe(true);
  });

  it('simulated mode ignores the AWS configuration for the ports but keeps the region names', () => {
    const p = createAwsPorts({ mode: 'simulated', allowActions: false, region: 'ap-southeast-2', env: {}, clock });
    expect(p.mode).toBe('simulated');
    expect(p.describe.region).toBe('ap-southeast-2');
  });

  it('--allow-actions enables actions on the ports it returns', () => {
    expect(createAwsPorts({ mode: 'live', allowActions: true, env: configured, clock }).actions.enabled).toBe(true);
  });
});
