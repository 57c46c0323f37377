// Builds the bundle once before any test, so process-level and pty tests run the shipped dist/cli.js.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
