import { describe, expect, it } from 'vitest';
import { classifyAwsError, iamActionFor } from '../../src/aws/classify-error.js';

const ctx = { service: 'dynamodb' as const, operation: 'DescribeTable', region: 'eu-west-2', resource: 'TableName orders' };
const sdkError = (name: string, status: number, message = 'boom') => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, requestId: 'REQ1' } });

describe('classifyAwsError', () => {
  it.each([
    [sdkError('AccessDeniedException', 400, 'User: arn:aws:iam::1:user/x is not authorized to perform: dynamodb:DescribeTable'), 'access-denied'],
    [sdkError('UnrecognizedClientException', 400), 'access-denied'],
    [sdkError('SomethingElse', 403), 'access-denied'],
    [sdkError('ThrottlingException', 400), 'throttled'],
    [sdkError('ProvisionedThroughputExceededException', 400), 'throttled'],
    [sdkError('Throttling', 400), 'throttled'],
    [sdkError('TooManyRequests', 429), 'throttled'],
    [sdkError('ResourceNotFoundException', 400), 'not-found'],
    [sdkError('DBClusterNotFoundFault', 404), 'not-found'],
    [sdkError('NoSuchHostedZone', 404), 'not-found'],
    [sdkError('ValidationException', 400), 'invalid-parameter'],
    [sdkError('InvalidParameterValue', 400), 'invalid-parameter'],
    [sdkError('InvalidDBClusterStateFault', 400), 'invalid-parameter'],
    [sdkError('UnsupportedOperation', 400), 'not-supported'],
    [sdkError('InternalServerError', 500), 'unreachable'],
    [sdkError('ServiceUnavailable', 503), 'unreachable'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'unreachable'],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'unreachable'],
    [Object.assign(new Error('timed out'), { name: 'TimeoutError' }), 'timeout'],
    [Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' }), 'unreachable'],
    [Object.assign(new Error('read ETIMEDOUT'), { code: 'ETIMEDOUT' }), 'timeout'],
    [new Error('weird'), 'unknown'],
    ['a string', 'unknown'],
  ])('%s -> %s', (err, cls) => {
    expect(classifyAwsError(err, ctx).class).toBe(cls);
  });

  it('names the missing IAM action and keeps the request id', () => {
    const f = classifyAwsError(sdkError('AccessDeniedException', 400), ctx);
    expect(f).toMatchObject({ class: 'access-denied', iamAction: 'dynamodb:DescribeTable', requestId: 'REQ1' });
    expect(f.message).toBe('access denied: missing IAM action dynamodb:DescribeTable (dynamodb DescribeTable in eu-west-2; AccessDeniedException)');
  });

  it('an abort by our own deadline is a timeout that says the region may be impaired', () => {
    const f = classifyAwsError(Object.assign(new Error('aborted'), { name: 'AbortError' }), ctx, { deadlineFired: true });
    expect(f.class).toBe('timeout');
    expect(f.message).toMatch(/region may be impaired/);
  });

  it('a cancellation by the caller is not reported as a timeout', () => {
    expect(classifyAwsError(Object.assign(new Error('aborted'), { name: 'AbortError' }), ctx, { cancelled: true }).message).toMatch(/^cancelled/);
  });

  it('names the resource that was not found', () => {
    expect(classifyAwsError(sdkError('ResourceNotFoundException', 400, 'Requested resource not found'), ctx).message).toMatch(/^not found: TableName orders/);
  });

  it('sanitizes what the service said, to one line without escape sequences', () => {
    const f = classifyAwsError(sdkError('ValidationException', 400, 'bad\u001b]0;pwned\u0007 value\nsecond line'), ctx);
    expect(f.message).not.toMatch(/\u001b|\u0007|\n/);
    expect(f.message).toContain('bad value');
  });

  it.each([
    [{ service: 'rds' as const, operation: 'FailoverDBCluster' }, 'rds:FailoverDBCluster'],
    [{ service: 'route53' as const, operation: 'GetChange' }, 'route53:GetChange'],
    [{ service: 'cloudwatch' as const, operation: 'GetMetricData' }, 'cloudwatch:GetMetricData'],
  ])('IAM action for %j is %s', (c, action) => {
    expect(iamActionFor(c)).toBe(action);
  });
});
