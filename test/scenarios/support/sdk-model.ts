// The AWS service model as the installed SDK clients carry it: every @aws-sdk/client-* package exports each
// operation's schema (`<Operation>$`: its input structure's member names, their types, how many are
// required). The AWS CLI derives its options from the same model, one --kebab-case option per input member
// and --no-x for a boolean, so a runbook's `aws` command can be checked against it offline. Services whose
// client is not installed are not in this model (the option table in aws-cli-options.ts covers them).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** CLI service name -> SDK client package. */
const CLIENTS: Record<string, string> = {
  dynamodb: '@aws-sdk/client-dynamodb',
  rds: '@aws-sdk/client-rds',
  route53: '@aws-sdk/client-route-53',
  kms: '@aws-sdk/client-kms',
  s3api: '@aws-sdk/client-s3',
  cloudwatch: '@aws-sdk/client-cloudwatch',
  sts: '@aws-sdk/client-sts',
  ssm: '@aws-sdk/client-ssm',
  sns: '@aws-sdk/client-sns',
  sesv2: '@aws-sdk/client-sesv2',
  secretsmanager: '@aws-sdk/client-secrets-manager',
};

/** botocore's xform_name: how the CLI turns an operation or member name into a command or option. */
export function kebab(name: string): string {
  let n = name;
  const special = /[A-Z]{2,}s$/.exec(n);
  if (special) n = `${n.slice(0, -special[0].length)}-${special[0].toLowerCase()}`;
  return n.replace(/(.)([A-Z][a-z]+)/g, '$1-$2').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

type Schema = unknown[];
const resolve = (s: unknown): Schema | undefined => (typeof s === 'function' ? resolve((s as () => unknown)()) : Array.isArray(s) ? s : undefined);

export interface ModelOperation {
  operation: string;
  /** The options the CLI generates from the input members (with --no-x for booleans). */
  options: string[];
  required: string[];
}

const loaded = new Map<string, Map<string, ModelOperation> | undefined>();

function loadService(service: string): Map<string, ModelOperation> | undefined {
  if (loaded.has(service)) return loaded.get(service);
  let ops: Map<string, ModelOperation> | undefined;
  const pkg = CLIENTS[service];
  try {
    const client = pkg ? (require(pkg) as Record<string, unknown>) : undefined;
    if (client) {
      ops = new Map();
      for (const [key, value] of Object.entries(client)) {
        // An operation schema: [9, namespace, name, traits, input, output].
        if (!key.endsWith('$') || !Array.isArray(value) || value[0] !== 9) continue;
        const operation = key.slice(0, -1);
        const input = resolve(value[4]);
        const members = (input?.[4] as string[] | undefined) ?? [];
        const types = (input?.[5] as unknown[] | undefined) ?? [];
        const requiredCount = typeof input?.[6] === 'number' ? input[6] : 0;
        const isBoolean = (t: unknown) => t === 2 || (Array.isArray(t) && t[0] === 2);
        const options = members.flatMap((m, i) => (isBoolean(types[i]) ? [`--${kebab(m)}`, `--no-${kebab(m)}`] : [`--${kebab(m)}`]));
        ops.set(kebab(operation), { operation, options, required: members.slice(0, requiredCount).map((m) => `--${kebab(m)}`) });
      }
    }
  } catch {
    ops = undefined;
  }
  loaded.set(service, ops);
  return ops;
}

/** Whether the SDK client of a CLI service is installed, so its commands can be checked against the model. */
export function hasModel(service: string): boolean {
  return loadService(service) !== undefined;
}

/** The operation a `aws SERVICE COMMAND` runs, from the installed client's model; undefined when unknown. */
export function modelOperation(service: string, command: string): ModelOperation | undefined {
  return loadService(service)?.get(command);
}
