// What the AAR says of an inject's audience: who it was for, by which channel, and whether the controller
// wrote it during the exercise. Read from the fired event, which carries both.
import type { TimelineEvent } from './events.js';
import { audienceText, deliveryOf } from './drill-audience.js';

export function audienceOf(e: TimelineEvent): { audience: string; added?: { title: string } } {
  const d = deliveryOf(e);
  return { audience: audienceText(d.audience, d.channel), ...(d.added ? { added: { title: d.title ?? d.inject } } : {}) };
}
