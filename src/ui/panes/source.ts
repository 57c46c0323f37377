// Where a pane's figures come from, in a few characters: "SIMULATED", or the live account (or profile).
import { incidentRegions } from '../../core/regions.js';
import { formatDuration } from '../../core/index.js';
import type { AppState, IncidentView } from '../app/state.js';
import { utcTime } from '../format.js';

export function sourceLabel(s: AppState, v: IncidentView): string {
  const aws = s.config.aws;
  // An exercise always runs on the simulated AWS, whatever the session's AWS is.
  if (v.incident.mode === 'exercise' || !aws || aws.mode === 'simulated') return 'SIMULATED';
  if (aws.account) return `account ${aws.account}`;
  return aws.profile ? `LIVE profile ${aws.profile}` : 'LIVE';
}

/** "09:00:00Z (5m 00s ago)", or "never read". */
export function lastGood(at: number | undefined, now: number): string {
  return at === undefined ? 'never read' : `${utcTime(at)}Z (${formatDuration(Math.max(0, now - at))} ago)`;
}

/** The banner's source badge: SIMULATED or LIVE (profile, account), and the incident's own regions. */
export function bannerSource(s: AppState, params: Readonly<Record<string, string>>, exercise: boolean): string {
  const aws = s.config.aws;
  if (!aws) return s.config.modeLabel;
  // An exercise runs on its own simulated AWS, whose regions may differ from the session's.
  const r = incidentRegions(params, exercise ? (s.config.exerciseAws ?? aws) : aws);
  const regions = `${r.primary}${r.dr && r.dr !== r.primary ? ` DR ${r.dr}` : ''}`;
  if (exercise || aws.mode === 'simulated') return `${exercise ? '' : 'SIMULATED '}${regions}`;
  return ['LIVE', aws.profile, aws.account, regions].filter(Boolean).join(' ');
}
