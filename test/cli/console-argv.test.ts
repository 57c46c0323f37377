import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addOptions, CONSOLE_OPTIONS, GLOBAL_OPTIONS, parseConsoleArgv } from '../../src/cli/console-options.js';

/** What commander makes of the same argv with the same definitions. */
function commanderOpts(argv: string[]): Record<string, unknown> {
  const program = new Command('warroom').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  addOptions(program, GLOBAL_OPTIONS);
  addOptions(program, CONSOLE_OPTIONS);
  program.parse(argv, { from: 'user' });
  return program.opts();
}

describe('parseConsoleArgv', () => {
  it.each([
    [[]],
    [['--state-dir', '/tmp/s', '--actor', 'ann']],
    [['--state-dir=/tmp/s', '--region=eu-west-2', '--dr-region', 'eu-west-1']],
    [['--runbooks', 'a', '--runbooks=b', '--allow-actions', '--facilitator']],
    [['--profile', 'prod', '--endpoint-url', 'http://127.0.0.1:4566', '--region', 'x', '--region', 'y']],
    [['--actor', '--state-dir']],
    [['--state-dir=', '--actor=a=b']],
  ])('reads %j as commander does', (argv) => {
    expect(parseConsoleArgv(argv)).toEqual(commanderOpts(argv));
  });

  it.each([
    [['list']],
    [['--state-dir', 's', 'list']],
    [['--help']],
    [['-h']],
    [['--bogus']],
    [['--state-dir']],
    [['--allow-actions=yes']],
    [['--', 'x']],
    [['--version', '--state-dir', 's']],
  ])('leaves %j to commander', (argv) => {
    expect(parseConsoleArgv(argv)).toBeUndefined();
  });
});
