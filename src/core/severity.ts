import { usageError } from './errors.js';

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const isSeverity = (x: unknown): x is Severity => typeof x === 'string' && (SEVERITIES as readonly string[]).includes(x);

export const SEVERITY_LABEL: Record<Severity, string> = {
  SEV1: 'critical: complete outage or data loss',
  SEV2: 'major: significant degradation or a region down',
  SEV3: 'minor: partial degradation, workaround exists',
  SEV4: 'low: no customer impact',
};

/** Accepts SEV1..SEV4 and the P1..P4 aliases, any case. */
export function parseSeverity(input: string): Severity {
  const m = /^\s*(?:sev|p)\s*-?([1-4])\s*$/i.exec(input);
  if (!m) throw usageError(`unknown severity "${input}" (use SEV1, SEV2, SEV3 or SEV4; P1..P4 also accepted)`);
  return `SEV${m[1]}` as Severity;
}
