// The one answer to "which region does this step, action, verification or pane talk to?": the runbook's
// `region:` (primary, dr, or a region name), then the incident's parameters (`dr_region`, `primary_region`),
// then the flags, environment and profile. Pure, so every caller resolves the same way.
import { REGION_NAME, type RegionRef } from '../core/index.js';

export interface RegionSettings {
  /** From --region, AWS_REGION, AWS_DEFAULT_REGION or the profile. */
  region: string;
  /** From --dr-region or WARROOM_DR_REGION. */
  drRegion?: string | undefined;
}

export type Where = { ok: true; region: string; source: string } | { ok: false; message: string };

const valid = (v: string | undefined) => (v !== undefined && REGION_NAME.test(v.trim()) ? v.trim() : undefined);

export function resolveRegion(ref: RegionRef, params: Readonly<Record<string, string>>, settings: RegionSettings): Where {
  if (ref !== 'primary' && ref !== 'dr') {
    return valid(ref) ? { ok: true, region: ref, source: 'the runbook' } : { ok: false, message: `"${ref}" is not a region name (the runbook says region: ${ref})` };
  }
  if (ref === 'primary') {
    const fromParams = valid(params.primary_region) ?? valid(params.region);
    return fromParams ? { ok: true, region: fromParams, source: 'the incident parameters' } : { ok: true, region: settings.region, source: 'the flags and profile' };
  }
  const dr = valid(params.dr_region);
  if (dr) return { ok: true, region: dr, source: 'the incident parameter dr_region' };
  if (settings.drRegion) return { ok: true, region: settings.drRegion, source: '--dr-region' };
  return { ok: false, message: 'no DR region known (set the incident parameter dr_region, or pass --dr-region)' };
}

/** For reads that must show something (panes, alarms): an unknown DR region reads the primary, as before. */
export function regionOrPrimary(ref: RegionRef, params: Readonly<Record<string, string>>, settings: RegionSettings): string {
  const w = resolveRegion(ref, params, settings);
  if (w.ok) return w.region;
  const primary = resolveRegion('primary', params, settings);
  return primary.ok ? primary.region : settings.region;
}
