// The caller's account and principal from STS GetCallerIdentity, asked once per session: a typed
// confirmation and every recorded action name the account they act in.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { ResolvedAwsConfig } from '../config.js';
import type { IdentityPort } from '../ports.js';
import { callAws } from './call.js';
import type { CallBudget } from './clients.js';

export function liveIdentity(config: ResolvedAwsConfig, budget: CallBudget): IdentityPort & { destroy(): void } {
  let client: STSClient | undefined;
  let known: Awaited<ReturnType<IdentityPort['whoami']>> | undefined;
  return {
    async whoami(signal) {
      if (known?.ok) return known;
      client ??= new STSClient({
        region: config.region,
        maxAttempts: budget.maxAttempts,
        ...(config.profile ? { profile: config.profile } : {}),
        ...(config.endpoints.sts ? { endpoint: config.endpoints.sts } : {}),
        requestHandler: { connectionTimeout: Math.min(3_000, budget.deadlineMs), socketTimeout: budget.deadlineMs, requestTimeout: budget.deadlineMs, throwOnRequestTimeout: true },
      });
      const res = await callAws<{ Account?: string; Arn?: string }>(client, new GetCallerIdentityCommand({}), { service: 'sts', operation: 'GetCallerIdentity', region: config.region }, budget.deadlineMs, signal);
      known = res.ok ? { ok: true, identity: { account: res.value.Account ?? 'unknown', arn: res.value.Arn ?? 'unknown' } } : { ok: false, error: res.error };
      return known;
    },
    destroy() {
      client?.destroy();
    },
  };
}
