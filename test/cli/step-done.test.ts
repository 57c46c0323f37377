// `warroom step ID STEP done` refuses a step whose dependencies are not finished, as the console does.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

describe('warroom step ... done', () => {
  it('refuses a step before the steps it depends on, in one line, and records nothing; allows it after', async () => {
    const dir = tempDir();
    const id = (await runCli(['new', '--title', 'orders corrupt', '--severity', 'SEV2', '--scenario', 'dynamodb-table-corruption', '--params-later', '--state-dir', dir])).out[0]!;
    const early = await runCli(['step', id, 'stop-writes', 'done', '--state-dir', dir]);
    expect(early.code).toBe(1);
    expect(early.err).toEqual(['warroom: stop-writes depends on assess, not finished yet (finish or skip it first) (the step is unchanged)']);
    expect((await runCli(['step', id, 'assess', 'skip', '--reason', 'known scope', '--state-dir', dir])).code).toBe(0);
    const after = await runCli(['step', id, 'stop-writes', 'done', '--state-dir', dir]);
    expect(after.code, after.err.join('\n')).toBe(0);
  });
});
