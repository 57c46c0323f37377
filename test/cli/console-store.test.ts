// The console's home list marks a tampered or unreadable journal the way `warroom list` does.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import { consoleStore } from '../../src/cli/console-store.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { tempDir } from '../support/tmp.js';

describe('console store', () => {
  it('lists a tampered journal with its problem in the status and title', async () => {
    const store = new IncidentStore(tempDir(), fixedClock(Date.parse('2026-11-21T10:00:00Z')));
    const ui = consoleStore(store, 'ana');
    const good = String((await ui.create({ title: 'Fine', severity: 'SEV3', mode: 'live', scenarios: [], params: {} }, [])).data.id);
    const bad = String((await ui.create({ title: 'Edited', severity: 'SEV2', mode: 'live', scenarios: [], params: {} }, [])).data.id);
    await ui.append(bad, [{ kind: 'note', data: { text: 'in us-east-1' } }]);
    const path = store.journalPath(bad);
    writeFileSync(path, readFileSync(path, 'utf8').replace('us-east-1', 'us-east-2'));
    const list = await ui.list();
    expect(list.find((s) => s.id === good)).toMatchObject({ status: 'triage', title: 'Fine' });
    expect(list.find((s) => s.id === bad)).toMatchObject({
      status: 'TAMPERED',
      title: 'Edited !! journal fails verification at seq 2 (line 2): its content does not match its hash (edited)',
    });
  });
});
