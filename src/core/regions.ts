// The one answer to "which region?": the runbook's `region:` (primary, dr, or a region name), then the
// incident's own parameters (`primary_region` or `region`, `dr_region`), then the flags, environment and
// profile the session was started with. The banner, the panes, steps, actions, verifications and both AWS
// adapters all ask here, so they never disagree about which region they mean.
import { REGION_NAME, type RegionRef } from './aws-calls.js';

export { REGION_NAME };

export interface RegionDefaults {
  /** From --region, AWS_REGION, AWS_DEFAULT_REGION or the profile. */
  region: string;
  /** From --dr-region or WARROOM_DR_REGION. */
  drRegion?: string | undefined;
}

export interface IncidentRegions {
  primary: string;
  dr?: string;
}

export type Where = { ok: true; region: string; source: string } | { ok: false; message: string };

const named = (v: string | undefined) => (v !== undefined && REGION_NAME.test(v.trim()) ? v.trim() : undefined);

export function incidentRegions(params: Readonly<Record<string, string>>, defaults: RegionDefaults): IncidentRegions {
  const primary = named(params.primary_region) ?? named(params.region) ?? defaults.region;
  const dr = named(params.dr_region) ?? defaults.drRegion;
  return dr !== undefined ? { primary, dr } : { primary };
}

/** Where a step, action or verification runs, and why; a `dr` step with no DR region known is refused. */
export function resolveRegion(ref: RegionRef, params: Readonly<Record<string, string>>, settings: RegionDefaults): Where {
  if (ref !== 'primary' && ref !== 'dr') {
    return named(ref) ? { ok: true, region: ref, source: 'the runbook' } : { ok: false, message: `"${ref}" is not a region name (the runbook says region: ${ref})` };
  }
  if (ref === 'primary') {
    const fromParams = named(params.primary_region) ?? named(params.region);
    return fromParams ? { ok: true, region: fromParams, source: 'the incident parameters' } : { ok: true, region: settings.region, source: 'the flags and profile' };
  }
  const dr = named(params.dr_region);
  if (dr) return { ok: true, region: dr, source: 'the incident parameter dr_region' };
  if (settings.drRegion) return { ok: true, region: settings.drRegion, source: '--dr-region' };
  return { ok: false, message: 'no DR region known (set the incident parameter dr_region, or pass --dr-region)' };
}

/** For reads that must show something (panes, alarms): an unknown DR region reads the primary. */
export function regionOrPrimary(ref: RegionRef, params: Readonly<Record<string, string>>, settings: RegionDefaults): string {
  const w = resolveRegion(ref, params, settings);
  if (w.ok) return w.region;
  const primary = resolveRegion('primary', params, settings);
  return primary.ok ? primary.region : settings.region;
}

/** The region a runbook's `region:` means for this incident's reads. Without a DR region, `dr` is the primary. */
export const regionFor = regionOrPrimary;
