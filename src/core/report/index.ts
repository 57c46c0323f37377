export * from './model.js';
export { buildReport, isDraft, timelineRow } from './build.js';
export { DigestFolder, type DigestStep } from './digest.js';
export { SummaryEvents, summaryNeeds } from './summary-events.js';
export { DEFAULT_CADENCE } from './comms.js';
export { formatSeconds } from './format-seconds.js';
export { INJECT_RESPONSE_TARGET_SECONDS } from './exercise.js';
