// A journal's head as a short token ("42:3f9a1c2b7d4e5f60") to paste into a chat or ticket, and to check
// later with `warroom verify ID --expect`: if events are cut off the end or the chain is rewritten, the
// token no longer matches. 16 hex digits (64 bits) are short to paste and far too many to forge by search.
export const HEAD_HASH_DIGITS = 16;

export interface HeadToken {
  seq: number;
  /** A prefix of the event's hash, lower case: at least HEAD_HASH_DIGITS digits, at most the whole hash. */
  hash: string;
}

export function formatHead(seq: number, hash: string): string {
  return `${seq}:${hash.slice(0, HEAD_HASH_DIGITS)}`;
}

/** Parses SEQ:HASH; undefined when it is not one. */
export function parseHead(text: string): HeadToken | undefined {
  const m = /^\s*(\d{1,15}):([0-9a-f]+)\s*$/i.exec(text);
  if (!m) return undefined;
  const seq = Number(m[1]);
  const hash = m[2]!.toLowerCase();
  if (seq < 1 || hash.length < HEAD_HASH_DIGITS || hash.length > 64) return undefined;
  return { seq, hash };
}
