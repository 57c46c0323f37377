// The scenario library's public face: the runbook schema and types, the catalog, and rendering.
export { ScenarioSchema, CATEGORIES, ROLES, INCIDENT_FIELDS, INJECT_KINDS } from './schema.js';
export type { Scenario, ScenarioStep, ScenarioParam, ScenarioInject } from './schema.js';
export { loadCatalog, findScenario, builtinRunbooksDir, listRunbookFiles } from './catalog.js';
export type { CatalogResult, CatalogOptions } from './catalog.js';
export { loadScenarioFile, loadScenarioText } from './load-file.js';
export type { LoadedFile } from './load-file.js';
export { checkGivenParams, resolveParams, renderStep } from './params.js';
export { scenarioJsonSchema } from './json-schema.js';
export { formatProblem } from './yaml-source.js';
export type { Problem } from './yaml-source.js';
export { formatDuration, parseDuration } from './durations.js';
