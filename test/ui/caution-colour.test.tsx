// The selected step's caution and what it destroys are shown in colour, before the instructions. Colour
// is forced on (the test has no TTY), before the console's modules load, so the frame carries SGR codes.
import { afterEach, describe, expect, it, vi } from 'vitest';

process.env.FORCE_COLOR = '3';
const { mount } = await import('./fixtures/console.js');

let app: Awaited<ReturnType<typeof mount>> | undefined;
afterEach(() => {
  app?.stop();
  app = undefined;
});

describe('checklist warnings', () => {
  it('shows the caution in the warning colour and what the step destroys in the critical colour, above its instructions', async () => {
    app = await mount({ seed: async (s) => { await s.create({ title: 'orders corrupt', severity: 'SEV2', mode: 'live', scenarios: ['dynamodb-pitr-restore'], params: { table: 'orders' } }); } });
    const frame = () => app!.lastFrame();
    await vi.waitFor(() => { if (!frame().includes('orders corrupt')) throw new Error(frame()); }, { timeout: 4000, interval: 20 });
    app.type('\r');
    await vi.waitFor(() => { if (!frame().includes('CAUTION: Writes to orders fail')) throw new Error(frame()); }, { timeout: 4000, interval: 20 });
    const lines = frame().split('\n');
    const line = (text: string) => lines.find((l) => l.includes(text))!;
    // yellow (33) for a warning, red (31) for what is destroyed; plain text has neither.
    expect(line('CAUTION: Writes to orders fail until the writer is scaled up again.')).toMatch(/\u001b\[33m/);
    expect(line('DESTRUCTIVE: disables every write to orders (copy and action need orders typed)')).toMatch(/\u001b\[31m/);
    expect(line('Scale the writer service')).not.toMatch(/\u001b\[3[13]m/);
    expect(frame().indexOf('DESTRUCTIVE:')).toBeLessThan(frame().indexOf('Scale the writer service'));
  });
});
