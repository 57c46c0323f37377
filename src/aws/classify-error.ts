// Turns whatever an SDK call threw into one classified, sanitized line. Raw SDK errors stop here.
import { sanitizeLine } from '../core/index.js';
import type { AwsErrorClass, AwsFailure } from './ports.js';

export interface CallContext {
  service: 'dynamodb' | 'rds' | 'route53' | 'cloudwatch' | 'sts' | 'kms' | 'health' | 's3';
  operation: string;
  region: string;
  /** The resource the call was about, named in "not found" messages. */
  resource?: string;
}

const IAM_PREFIX: Record<CallContext['service'], string> = { dynamodb: 'dynamodb', rds: 'rds', route53: 'route53', cloudwatch: 'cloudwatch', sts: 'sts', kms: 'kms', health: 'health', s3: 's3' };

/** The IAM action an operation needs: dynamodb:DescribeTable, rds:FailoverDBCluster... */
export const iamActionFor = (ctx: Pick<CallContext, 'service' | 'operation'>) => `${IAM_PREFIX[ctx.service]}:${ctx.operation}`;

const DENIED = /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|UnrecognizedClientException|InvalidClientTokenId|InvalidSignatureException|SignatureDoesNotMatch|ExpiredToken|ExpiredTokenException|NotAuthorized|CredentialsProviderError)$/;
const THROTTLED = /^(Throttling|ThrottlingException|ThrottledException|TooManyRequestsException|RequestLimitExceeded|ProvisionedThroughputExceededException|PriorRequestNotComplete|LimitExceededException|SlowDown)$/;
const NOT_FOUND = /NotFound|^NoSuch|^ResourceNotFoundException$|^DBClusterNotFoundFault$|^DBInstanceNotFound$|^TableNotFoundException$|^BackupNotFoundException$|^ResourceNotFound$/;
const INVALID = /^(ValidationException|ValidationError|InvalidParameter\w*|InvalidInput|InvalidArgument|InvalidChangeBatch|MissingParameter|SerializationException|PointInTimeRecoveryUnavailableException|TableAlreadyExistsException|TableInUseException|DBClusterAlreadyExistsFault|DBInstanceAlreadyExists|InvalidDBClusterStateFault|InvalidDBInstanceState|InvalidRestoreTimeException|InvalidRestoreFault|DBSnapshotAlreadyExists|ConflictingDomainExists|InvalidNextToken)$/;
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $fault?: string;
  cause?: unknown;
}

function fields(err: unknown): ErrorLike {
  return err && typeof err === 'object' ? (err as ErrorLike) : { message: String(err) };
}

function classOf(e: ErrorLike, name: string, deadlineFired: boolean): AwsErrorClass {
  const status = e.$metadata?.httpStatusCode;
  // The SDK names a reset or refused connection "TimeoutError" too; its code tells them apart.
  if (!deadlineFired && e.code && UNREACHABLE_CODES.has(e.code)) return 'unreachable';
  if (deadlineFired || name === 'TimeoutError' || e.code === 'ETIMEDOUT' || e.code === 'ESOCKETTIMEDOUT') return 'timeout';
  if (DENIED.test(name) || status === 403) return 'access-denied';
  if (THROTTLED.test(name) || status === 429) return 'throttled';
  if (NOT_FOUND.test(name) || status === 404) return 'not-found';
  if (name === 'UnsupportedOperation' || name === 'NotImplemented' || name === 'InvalidAction' || name === 'UnknownOperationException' || status === 501) return 'not-supported';
  if (INVALID.test(name)) return 'invalid-parameter';
  if ((e.code && UNREACHABLE_CODES.has(e.code)) || (status !== undefined && status >= 500) || name === 'ServiceUnavailable' || name === 'InternalFailure' || name === 'InternalServerError') return 'unreachable';
  const causeCode = fields(e.cause).code;
  if (causeCode && UNREACHABLE_CODES.has(causeCode)) return 'unreachable';
  if (status !== undefined && status >= 400) return 'invalid-parameter';
  return 'unknown';
}

/**
 * Classifies an error thrown by a call. `deadlineFired` is true when our own per-call deadline aborted it
 * (the SDK then reports a plain AbortError, which would otherwise look like a cancellation).
 */
export function classifyAwsError(err: unknown, ctx: CallContext, opts: { deadlineFired?: boolean; cancelled?: boolean } = {}): AwsFailure {
  const e = fields(err);
  const name = e.name && e.name !== 'Error' ? e.name : e.Code ?? e.code ?? 'Error';
  const cls: AwsErrorClass = opts.cancelled ? 'unknown' : classOf(e, name, opts.deadlineFired === true);
  const what = `${ctx.service} ${ctx.operation} in ${ctx.region}`;
  const detail = sanitizeLine(e.message ?? '').slice(0, 200);
  const iamAction = iamActionFor(ctx);
  const requestId = e.$metadata?.requestId;
  const base = requestId ? { requestId: sanitizeLine(requestId) } : {};
  switch (cls) {
    case 'access-denied':
      if (name === 'CredentialsProviderError') return { ...base, class: cls, message: `access denied: no AWS credentials found for ${what} (${detail || 'check --profile, AWS_PROFILE or the credential chain'})` };
      return { ...base, class: cls, iamAction, message: `access denied: missing IAM action ${iamAction} (${what}; ${sanitizeLine(name)})` };
    case 'throttled':
      return { ...base, class: cls, message: `throttled: ${what} was rate-limited (${sanitizeLine(name)}); retry later` };
    case 'timeout':
      return { ...base, class: cls, message: `timed out: ${what} did not answer in time; the region may be impaired` };
    case 'unreachable':
      return { ...base, class: cls, message: `unreachable: ${what} failed (${sanitizeLine(e.code ?? name)}); the region may be impaired` };
    case 'not-found':
      return { ...base, class: cls, message: `not found: ${ctx.resource ? sanitizeLine(ctx.resource) : 'the resource'} (${what}: ${detail || sanitizeLine(name)})` };
    case 'invalid-parameter':
      return { ...base, class: cls, message: `invalid parameter: ${what}: ${detail || sanitizeLine(name)}` };
    case 'not-supported':
      return { ...base, class: cls, message: `not supported: ${what} (${sanitizeLine(name)})` };
    default:
      return { ...base, class: cls, message: opts.cancelled ? `cancelled: ${what}` : `failed: ${what}: ${detail || sanitizeLine(name)}` };
  }
}

export const actionsDisabled = (operation: string): AwsFailure => ({
  class: 'actions-disabled',
  message: `actions are disabled: ${operation} needs a session started with --allow-actions (never against real AWS in an exercise)`,
});
