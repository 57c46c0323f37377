// Pasted text reaches the field being typed in, whatever reads it arrives in; elsewhere it is dropped.
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

async function openIncident(): Promise<string> {
  app = await mount({ seed: async (s) => void (await s.create({ title: 'paste here', severity: 'SEV3', mode: 'live', scenarios: [], params: {} })) });
  await waitFrame((f) => f.includes('paste here'));
  app.type('\r');
  await waitFrame((f) => f.includes('Checklist'));
  return app.lastFrame().match(/INC-\d{8}-\d{4}/)![0];
}

describe('paste', () => {
  it('puts a paste split over several reads into the note field as text, on several lines', async () => {
    const id = await openIncident();
    app!.type('n');
    await waitFrame((f) => f.includes('Note'));
    for (const chunk of ['\u001b[200~first line\r', 'T', 'resolved\r\r', '\u001b[201~']) app!.type(chunk);
    await waitFrame((f) => f.includes('> first line') && f.includes('  Tresolved'));
    expect(app!.store.journals.get(id)!.map((e) => e.kind)).toEqual(['incident.opened']);
    app!.type('\r');
    await vi.waitFor(() => expect(app!.store.journals.get(id)!.at(-1)).toMatchObject({ kind: 'note', data: { text: 'first line\nTresolved' } }));
  });

  it('drops a paste on a screen without a text field and says so', async () => {
    const id = await openIncident();
    app!.type('\u001b[200~Tresolved\r\r\u001b[201~');
    await waitFrame((f) => f.includes('paste ignored'));
    expect(app!.lastFrame()).not.toContain('New status');
    expect(app!.store.journals.get(id)!.map((e) => e.kind)).toEqual(['incident.opened']);
  });

  it('puts a paste into a declare answer and keeps the question', async () => {
    app = await mount();
    await waitFrame((f) => f.includes('No incidents yet'));
    app.type('n');
    await waitFrame((f) => f.includes('What is happening'));
    app.type('\u001b[200~Orders corrupt\r\u001b[201~');
    await waitFrame((f) => f.includes('> Orders corrupt') && f.includes('What is happening'));
    expect(app.store.journals.size).toBe(0);
  });

  it('filters a choice list with a pasted word, on one line', async () => {
    await openIncident();
    app!.type('T');
    await waitFrame((f) => f.includes('New status'));
    app!.type('\u001b[200~reso\rlved\u001b[201~');
    await waitFrame((f) => f.includes('filter> reso lved'));
  });
});
