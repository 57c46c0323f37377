// The polling loop of a verify, shared by the live and simulated probes: read, judge, wait, until the
// condition holds, a non-retryable error occurs, or the deadline passes.
import { clockParams, fillDeep, placeholdersIn, READ_OPERATIONS, type Clock, type VerifySpec } from '../core/index.js';
import { judgeResponse, parsePath } from './probe-eval.js';
import type { AwsFailure, ProbeResult } from './ports.js';
import { probeOutcome } from './timeline-events.js';

export { probeOutcome };

/** A read's answer; a composed read may add a `note` for the operator (which signals said what). */
export type ReadResult = { ok: true; value: unknown; note?: string } | { ok: false; error: AwsFailure };
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** A timer sleep that ends early (without throwing) when the signal aborts. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** Errors that another attempt cannot fix; not-found is retried because the resource may be on its way. */
const FINAL: ReadonlySet<AwsFailure['class']> = new Set(['access-denied', 'invalid-parameter', 'not-supported', 'actions-disabled', 'refused']);

export interface PollDeps {
  clock: Clock;
  sleep: Sleep;
  /** One read; `deadlineMs` is what is left of the verify's deadline for this call. */
  read: (args: Record<string, unknown>, deadlineMs: number, signal?: AbortSignal) => Promise<ReadResult>;
}

const failed = (summary: string, error: AwsFailure, started: number, clock: Clock, attempts = 0): ProbeResult => ({
  passed: false, summary, evidence: {}, attempts, elapsedMs: clock.now() - started, error,
});

export async function pollVerify(spec: VerifySpec, params: Readonly<Record<string, string>>, deps: PollDeps, signal?: AbortSignal): Promise<ProbeResult> {
  const { clock } = deps;
  const started = clock.now();
  const allowed: readonly string[] = READ_OPERATIONS[spec.service];
  if (!allowed.includes(spec.operation)) {
    const error: AwsFailure = { class: 'not-supported', message: `not supported: ${spec.service} ${spec.operation} is not a read-only verify operation (allowed: ${allowed.join(', ')})` };
    return failed(error.message, error, started, clock);
  }
  // A CloudWatch window ({{minutes_ago_5}} .. {{now}}) moves with each attempt.
  const timeNames = placeholdersIn(JSON.stringify(spec.args));
  let args: Record<string, unknown>;
  let expect: VerifySpec['expect'];
  let and: VerifySpec['and'];
  try {
    parsePath(spec.path);
    for (const c of spec.and ?? []) parsePath(c.path);
    args = fillDeep(spec.args, { ...clockParams(timeNames, clock.now()), ...params }) as Record<string, unknown>;
    // Expected values may name params too: equals "{{dr_endpoint}}", not_equals "{{before_writer}}", or the
    // clock: not_before "{{minutes_ago_1500}}" (a snapshot younger than 25 hours).
    expect = fillDeep(spec.expect, { ...clockParams(placeholdersIn(JSON.stringify(spec.expect)), clock.now()), ...params }) as VerifySpec['expect'];
    and = fillDeep(spec.and, params) as VerifySpec['and'];
  } catch (err) {
    const error: AwsFailure = { class: 'invalid-parameter', message: `invalid parameter: ${err instanceof Error ? err.message : String(err)}` };
    return failed(error.message, error, started, clock);
  }
  const deadline = started + spec.deadline_seconds * 1000;
  let attempts = 0;
  let last: ProbeResult | undefined;
  for (;;) {
    attempts++;
    if (attempts > 1 && timeNames.length > 0) args = fillDeep(spec.args, { ...clockParams(timeNames, clock.now()), ...params }) as Record<string, unknown>;
    const res = await deps.read(args, Math.max(1, deadline - clock.now()), signal);
    if (res.ok) {
      const judged = judgeResponse(res.value, spec.path, expect, { match: spec.match, and });
      last = { passed: judged.passed, summary: res.note ? `${judged.summary} (${res.note})` : judged.summary, evidence: judged.evidence, attempts, elapsedMs: clock.now() - started };
      if (judged.passed) return last;
    } else {
      last = failed(res.error.message, res.error, started, clock, attempts);
      if (FINAL.has(res.error.class)) return last;
    }
    const wait = Math.min(spec.interval_seconds * 1000, deadline - clock.now());
    if (wait <= 0 || signal?.aborted) break;
    await deps.sleep(wait, signal);
    if (signal?.aborted || clock.now() >= deadline) break;
  }
  const elapsedMs = clock.now() - started;
  return { ...last, attempts, elapsedMs, summary: `${last.summary} (not met after ${attempts} attempt${attempts === 1 ? '' : 's'}, ${Math.round(elapsedMs / 1000)} s)` };
}
