// Which resources' recovery points tell a scenario's achieved RPO: the tables and clusters its verify steps
// read, each tied to the objective whose component names that service.
import type { ObjectiveTarget, RegionRef, VerifySpec } from './aws-calls.js';
import { fillTemplate } from './placeholders.js';

export interface RecoveryTarget {
  /** The scenario whose objectives the point answers for (the report's RPO rows of that scenario). */
  scenario?: string;
  component: string;
  service: 'dynamodb' | 'rds';
  resource: string;
  region: RegionRef;
}

const RESOURCE_ARG = { dynamodb: ['TableName'], rds: ['DBClusterIdentifier', 'DBInstanceIdentifier'] } as const;
const COMPONENT_WORDS = { dynamodb: /dynamo/i, rds: /aurora|rds|database|postgres|mysql/i } as const;

export function recoveryTargets(
  scenarios: readonly { id?: string; steps: readonly { verify?: VerifySpec | undefined }[]; objectives: readonly ObjectiveTarget[] }[],
  params: Readonly<Record<string, string>>,
): RecoveryTarget[] {
  const seen = new Set<string>();
  const out: RecoveryTarget[] = [];
  for (const sc of scenarios) {
    for (const step of sc.steps) {
      const v = step.verify;
      if (!v || (v.service !== 'dynamodb' && v.service !== 'rds')) continue;
      const service = v.service;
      const arg = RESOURCE_ARG[service].map((k) => v.args[k]).find((a): a is string => typeof a === 'string');
      if (!arg) continue;
      let resource: string;
      try {
        resource = fillTemplate(arg, params);
      } catch {
        continue; // a param the incident does not have: nothing to read
      }
      // The first resource per service is the one the scenario protects; later ones are restore targets.
      if ([...seen].some((k) => k.startsWith(`${service}:`)) || seen.has(`${service}:${resource}`)) continue;
      seen.add(`${service}:${resource}`);
      // An objective with an RPO target that names the service first, then any that names it.
      const named = sc.objectives.filter((o) => COMPONENT_WORDS[service].test(o.component));
      // A scenario with one objective for the whole platform answers for every resource it protects.
      const whole = sc.objectives.length === 1 ? sc.objectives[0] : undefined;
      const component = (named.find((o) => o.rpo_seconds !== undefined) ?? named[0] ?? whole)?.component ?? (service === 'dynamodb' ? 'DynamoDB' : 'RDS/Aurora');
      out.push({ ...(sc.id ? { scenario: sc.id } : {}), component, service, resource, region: v.region });
    }
  }
  return out;
}
