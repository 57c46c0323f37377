// Where an incident is: its primary and DR regions come from its own parameters first (`region` or
// `primary_region`, `dr_region`), then from the flags/profile the session was started with. The banner, the
// panes and the simulated AWS all ask here, so they never disagree about which region they mean.
import type { RegionRef } from './aws-calls.js';

export const REGION_NAME = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

export interface RegionDefaults {
  region: string;
  drRegion?: string | undefined;
}

export interface IncidentRegions {
  primary: string;
  dr?: string;
}

const named = (v: string | undefined) => (v !== undefined && REGION_NAME.test(v.trim()) ? v.trim() : undefined);

export function incidentRegions(params: Readonly<Record<string, string>>, defaults: RegionDefaults): IncidentRegions {
  const primary = named(params.region) ?? named(params.primary_region) ?? defaults.region;
  const dr = named(params.dr_region) ?? defaults.drRegion;
  return dr !== undefined ? { primary, dr } : { primary };
}

/** The region a runbook's `region:` means for this incident. Without a DR region, `dr` is the primary. */
export function regionFor(ref: RegionRef, params: Readonly<Record<string, string>>, defaults: RegionDefaults): string {
  if (ref === 'us-east-1') return 'us-east-1';
  const r = incidentRegions(params, defaults);
  return ref === 'dr' ? (r.dr ?? r.primary) : r.primary;
}
