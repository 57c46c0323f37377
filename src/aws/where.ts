// Region resolution lives in the pure core (src/core/regions.ts) so the console, the CLI and both AWS
// adapters resolve the same way; the AWS layer keeps its historical names for it.
export { regionOrPrimary, resolveRegion, type RegionDefaults as RegionSettings, type Where } from '../core/regions.js';
