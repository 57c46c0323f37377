// npm run bench: builds, then prints each measurement as one line of JSON.
import { firstFrame, keyToFrame } from './console-bench.js';

const results = {
  'console first frame (target < 250 ms)': await firstFrame(),
  'console key to frame, 10,000 events (target < 50 ms)': await keyToFrame(),
};
for (const [name, r] of Object.entries(results)) console.log(JSON.stringify({ name, ...r }));
