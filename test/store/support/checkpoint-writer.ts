// Writes the checkpoint given on the command line over and over until killed (for the kill -9 test).
import { readFileSync } from 'node:fs';
import { writeCheckpoint, type Checkpoint } from '../../../src/store/checkpoint.js';

const [path, source] = process.argv.slice(2) as [string, string];
const c = JSON.parse(readFileSync(source, 'utf8')) as Checkpoint;
// A large file makes each write take long enough for the kill to land inside one (an extra field, unread).
(c as unknown as { padding: string[] }).padding = Array.from({ length: 4000 }, (_, i) => `padding ${i} `.repeat(40));
process.stdout.write('ready\n');
for (;;) writeCheckpoint(path, c);
