// The Clock port's one implementation over the machine's clock: the only place that reads the time
// (lint enforces it). Everything else is handed a Clock, so tests and drills can set the time.
import type { Clock } from './core/clock.js';

export const systemClock: Clock = { now: () => Date.now() };
