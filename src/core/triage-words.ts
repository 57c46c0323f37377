// Words and phrases for triage: text is cut into whole words (never substrings, so "download" is not
// "down"), each reduced to its Porter stem so "corrupted" meets "corruption" and "restored" meets "restore",
// and a phrase written together or apart is the same phrase ("PendingDeletion" is "pending deletion").
import { stemmer } from 'stemmer';

export interface Words {
  /** The words as typed, lower case, in order. */
  raw: string[];
  /** The Porter stem of each word, same order. */
  stems: string[];
}

/** Words too common in incident text to say anything about which runbook fits. */
const STOP = new Set(
  'a an and are as at be been but by can cannot for from has have in into is it its no not of on or our since so that the their them then there these this to up was we were when which while with all any one some out via after before per'.split(' '),
);

export const isStopWord = (stem: string): boolean => STOP.has(stem);

export function words(text: string): Words {
  const raw = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return { raw, stems: raw.map((w) => (/^[a-z]+$/.test(w) ? stemmer(w) : w)) };
}

/**
 * Whether `phrase` occurs in `text` as whole words: its stems in a row, or written together or apart
 * ("api gateway" meets "apigateway", "notready" meets "NotReady"). Returns the matched text, as typed.
 */
export function findPhrase(text: Words, phrase: Words): string | undefined {
  const n = phrase.stems.length;
  if (n === 0) return undefined;
  const joined = phrase.raw.join('');
  for (let i = 0; i < text.stems.length; i++) {
    if (phrase.stems.every((s, k) => text.stems[i + k] === s)) return text.raw.slice(i, i + n).join(' ');
    // The same word written as one or as several (up to three) words.
    for (let len = 1; len <= 3 && i + len <= text.raw.length; len++) {
      if (text.raw.slice(i, i + len).join('') === joined) return text.raw.slice(i, i + len).join(' ');
    }
  }
  return undefined;
}

/** A phrase's identity for counting how many scenarios share it: by stems, so "deleted" and "deletion" are one. */
export const phraseKey = (w: Words): string => w.stems.join('');

// AWS availability-zone names: eu-west-1b, us-gov-west-1a, and zone ids such as use1-az4.
const AZ_NAME = /\b(?:[a-z]{2}(?:-gov)?-[a-z]+-\d[a-z]|[a-z]{3,4}\d-az\d+)\b/gi;

/** Text with what its AWS names stand for spelled out, so "eu-west-1b is impaired" mentions an availability zone. */
export function spellOutAwsNames(text: string): string {
  return text.replace(AZ_NAME, (name) => `${name} (availability zone)`);
}
