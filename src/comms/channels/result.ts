// What one send attempt came to. "timeout" is its own outcome: the request may have reached the channel.
export type SendResult =
  | { outcome: 'delivered'; status?: number; messageId?: string }
  | { outcome: 'failed'; retryable: boolean; status?: number; error: string; retryAfterMs?: number }
  | { outcome: 'timeout'; error: string };

export interface SendContext {
  timeoutMs: number;
  secret: (ref: string) => Promise<string>;
  /** Seconds since the epoch, for signatures. */
  nowMs: number;
}
