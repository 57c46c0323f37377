// One SDK call with a hard deadline: a per-call AbortSignal.timeout combined with the caller's signal,
// and every failure classified. Returns a result; it never throws and never outlives its deadline.
import { classifyAwsError, type CallContext } from '../classify-error.js';
import type { AwsFailure } from '../ports.js';

export type CallResult<T> = { ok: true; value: T; requestId?: string } | { ok: false; error: AwsFailure };

interface Sendable {
  send(command: never, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

export async function callAws<T>(client: Sendable, command: unknown, ctx: CallContext, deadlineMs: number, signal?: AbortSignal): Promise<CallResult<T>> {
  const deadline = AbortSignal.timeout(Math.max(1, Math.round(deadlineMs)));
  const combined = signal ? AbortSignal.any([deadline, signal]) : deadline;
  // A guard timer too: should any layer below ignore the abort signal, the caller is still released.
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('deadline passed'), { name: 'TimeoutError' })), Math.round(deadlineMs) + 250);
  });
  try {
    const value = (await Promise.race([client.send(command as never, { abortSignal: combined }), guard])) as T & { $metadata?: { requestId?: string } };
    const requestId = value?.$metadata?.requestId;
    return { ok: true, value, ...(requestId ? { requestId } : {}) };
  } catch (err) {
    const cancelled = signal?.aborted === true && !deadline.aborted;
    return { ok: false, error: classifyAwsError(err, ctx, { deadlineFired: deadline.aborted, cancelled }) };
  } finally {
    clearTimeout(timer);
  }
}
