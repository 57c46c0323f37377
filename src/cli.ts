// Entry point. Answers --version before loading anything else, so scripts and health checks stay fast;
// `warroom [options]` (the console) starts without commander; everything else is loaded on demand from the
// composition root in cli/main.ts.
import { parseConsoleArgv } from './cli/console-options.js';
import { loadUi } from './cli/load-ui.js';
import { traceMark } from './cli/startup-trace.js';

traceMark('entry');
declare const __WARROOM_VERSION__: string | undefined;

// A reader that goes away (`warroom timeline ID | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const version = typeof __WARROOM_VERSION__ === 'string' ? __WARROOM_VERSION__ : (await import('./cli/version.js')).readVersion();
  process.stdout.write(`${version}\n`);
} else if (parseConsoleArgv(argv)) {
  // Ink and the UI first: they are most of the console's start-up (without a terminal the console only explains).
  const ui = process.stdin.isTTY && process.stdout.isTTY ? loadUi() : undefined;
  ui?.catch(() => {}); // awaited by the console; this only keeps an early failure from being reported twice
  const { consoleMain } = await import('./cli/console-command.js');
  traceMark('console module loaded');
  process.exitCode = await consoleMain(parseConsoleArgv(argv)!, ui);
} else {
  const { main } = await import('./cli/main.js');
  process.exitCode = await main(argv);
}
