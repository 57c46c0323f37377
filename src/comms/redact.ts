// Secrets leave the process only in requests: everywhere else (timeline, report, errors, screen) a
// resolved secret is replaced by a short fingerprint that tells two secrets apart without revealing either.
import { createHash } from 'node:crypto';

export const fingerprint = (secret: string): string => `secret#${createHash('sha256').update(secret).digest('hex').slice(0, 8)}`;

export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string): void {
    if (secret.length >= 4) this.secrets.add(secret);
    // A URL's path and query are often the secret part on their own (Slack's /services/T…/B…/…).
    try {
      const u = new URL(secret);
      if (u.pathname.length > 8) this.secrets.add(u.pathname + u.search);
      if (u.search.length > 4) this.secrets.add(u.search);
    } catch {
      // not a URL
    }
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a whole URL is replaced before its path.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(fingerprint(s));
    for (const s of this.secrets) {
      const encoded = encodeURIComponent(s);
      if (encoded !== s) out = out.split(encoded).join(fingerprint(s));
    }
    return out;
  }
}
