export * from './model.js';
export { buildReport, isDraft } from './build.js';
export { DEFAULT_CADENCE } from './comms.js';
export { formatSeconds } from './format-seconds.js';
export { INJECT_RESPONSE_TARGET_SECONDS } from './exercise.js';
