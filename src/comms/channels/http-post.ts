// One JSON POST with a deadline, classified: 2xx delivered; 429 and 5xx retryable (429 honours
// Retry-After); other 4xx final; no answer in time is a timeout; a refused connection never arrived.
import type { SendResult } from './result.js';

export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  nowMs: number,
): Promise<SendResult & { text?: string }> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return { outcome: 'timeout', error: `no answer within ${timeoutMs / 1000} s` };
    const code = e.cause?.code;
    // Refused or unresolvable: the request never left, so sending again cannot post twice.
    const neverSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
    const detail = code ?? e.cause?.message ?? e.message;
    return neverSent ? { outcome: 'failed', retryable: true, error: `connection failed: ${detail}` } : { outcome: 'timeout', error: `connection lost: ${detail}` };
  }
  const text = await res.text().catch(() => '');
  if (res.ok) return { outcome: 'delivered', status: res.status, text };
  const snippet = text.replace(/\s+/g, ' ').slice(0, 200);
  if (res.status === 429) {
    const after = retryAfterMs(res.headers.get('retry-after'), nowMs);
    return { outcome: 'failed', retryable: true, status: 429, error: `HTTP 429 rate limited${after !== undefined ? `, retry after ${Math.round(after / 1000)} s` : ''}`, ...(after !== undefined ? { retryAfterMs: after } : {}) };
  }
  return { outcome: 'failed', retryable: res.status >= 500 || res.status === 408, status: res.status, error: `HTTP ${res.status}${snippet ? `: ${snippet}` : ''}` };
}
