// Resolves secret references: env:NAME from the environment, ssm:/path from Parameter Store (decrypted),
// secretsmanager:id from Secrets Manager. Every value resolved is registered with the redactor first.
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { WarroomError, ExitCode } from '../core/index.js';
import type { Redactor } from './redact.js';

export type SecretResolver = (ref: string) => Promise<string>;

export interface SecretSources {
  env: Readonly<Record<string, string | undefined>>;
  ssm?: () => SSMClient;
  secretsManager?: () => SecretsManagerClient;
}

export function secretResolver(src: SecretSources, redactor: Redactor): SecretResolver {
  const cache = new Map<string, Promise<string>>();
  let ssm: SSMClient | undefined;
  let sm: SecretsManagerClient | undefined;
  const fetchRef = async (ref: string): Promise<string> => {
    const [scheme, ...rest] = ref.split(':');
    const id = rest.join(':');
    let value: string | undefined;
    try {
      if (scheme === 'env') value = src.env[id];
      else if (scheme === 'ssm') {
        // Loaded on first use: most profiles reference env: secrets only.
        const sdk = await import('./channels/aws-sdk.js');
        ssm ??= src.ssm?.() ?? new sdk.SSMClient({});
        value = (await ssm.send(new sdk.GetParameterCommand({ Name: id, WithDecryption: true }))).Parameter?.Value;
      } else if (scheme === 'secretsmanager') {
        const sdk = await import('./channels/aws-sdk.js');
        sm ??= src.secretsManager?.() ?? new sdk.SecretsManagerClient({});
        value = (await sm.send(new sdk.GetSecretValueCommand({ SecretId: id }))).SecretString;
      }
    } catch (err) {
      throw new WarroomError(`cannot read secret ${ref}: ${(err as Error).name}: ${redactor.redact((err as Error).message)}`, ExitCode.aws);
    }
    if (value === undefined || value === '') throw new WarroomError(`secret ${ref} is empty or not set (set it, then run "warroom comms flush")`, ExitCode.usage);
    redactor.add(value);
    return value;
  };
  return (ref) => {
    let p = cache.get(ref);
    if (!p) {
      p = fetchRef(ref);
      // A failed read is retried next time (the parameter may be created meanwhile).
      p.catch(() => cache.delete(ref));
      cache.set(ref, p);
    }
    return p;
  };
}
