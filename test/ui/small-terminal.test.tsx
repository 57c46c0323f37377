// At 80x24 the banner keeps what a commander needs first; long text can be read whole.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, type Mounted } from './fixtures/console.js';

let app: Mounted | undefined;
afterEach(() => {
  app?.stop();
  app = undefined;
});

const waitFrame = (pred: (f: string) => boolean, timeout = 4000) =>
  vi.waitFor(() => {
    if (!pred(app!.lastFrame())) throw new Error(`frame did not match:\n${app!.lastFrame()}`);
  }, { timeout, interval: 20 });

const LONG_TITLE = 'Orders table in eu-west-2 returns corrupted items after the 09:10 deploy of the writer fleet';

describe('the banner at 80x24', () => {
  it('keeps the id, severity, status and elapsed time with a long title', async () => {
    app = await mount({ cols: 80, rows: 24, seed: async (s) => void (await s.create({ title: LONG_TITLE, severity: 'SEV1', mode: 'live', scenarios: [], params: {} })) });
    await waitFrame((f) => f.includes('Orders table'));
    app.type('\r');
    await waitFrame((f) => f.includes('Checklist'));
    const [line1, line2] = app.lastFrame().split('\n');
    expect(line1).toMatch(/INC-\d{8}-\d{4}/);
    expect(line1).toContain('SEV1');
    expect(line1).toContain('TRIAGE');
    expect(line1).toContain('Orders table');
    // In triage nothing was declared yet: the elapsed time says it counts from when the incident was opened.
    expect(line2).toMatch(/\+\d+s opened/);
  });
});
