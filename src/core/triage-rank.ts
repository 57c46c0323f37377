// Triage ranking: the scenarios ordered by how well their `detection` fits what the operator described and
// the alarms now in ALARM, each with the evidence that ranks it. Pure.
import type { Severity } from './severity.js';
import type { TriageAnswers } from './triage.js';
import { SCOPE_DAMPING, SCOPE_LIFT, scopeFit } from './triage-scope.js';
import { alarmHits } from './triage-alarms.js';
import { findPhrase, isStopWord, phraseKey, spellOutAwsNames, words, type Words } from './triage-words.js';

/** The fields of a scenario that triage reads (the catalog's Scenario type is assignable to it). */
export interface TriageScenario {
  id: string;
  title: string;
  category: string;
  services: readonly string[];
  severity_hint?: Severity | undefined;
  detection: {
    alarms: readonly string[];
    metrics: readonly string[];
    symptoms: readonly string[];
    keywords: readonly string[];
    /** A scheduled exercise: offered only when declaring a drill, never for a live incident. */
    drill?: boolean | undefined;
  };
}

/** One piece of evidence for a scenario: what matched and what it added to the score. */
export interface TriageMatch {
  kind: 'keyword' | 'service' | 'symptom' | 'alarm' | 'answer';
  /** What matched: the words as typed, the alarm name, or the answer. */
  text: string;
  /** What it matched in the runbook: the keyword, the symptom word, the alarm glob. */
  against: string;
  weight: number;
}

export interface RankedScenario {
  id: string;
  score: number;
  /** One line per kind of evidence, for people. */
  reasons: string[];
  matches: TriageMatch[];
}

export interface RankOptions {
  /** live: never a drill; drill: only drills. */
  mode?: 'live' | 'drill';
}

export const isDrill = (s: Pick<TriageScenario, 'detection'>): boolean => s.detection.drill === true;

/** The weight of each kind of evidence; a match counts its weight times how rare it is among the candidates. */
const WEIGHT = { keyword: 3, service: 1.5, symptom: 1, alarm: 10, answer: 2, symptomPhrase: 2.5 } as const;
/** A word met only through its stem ("deleted" for "deletion") counts a little less than the word itself, so
 * two runbooks that share a stem do not tie when the text uses one runbook's own word. */
const STEM_ONLY = 0.8;
const MAX_SYMPTOM_WORDS = 4;

interface Vocabulary {
  keywords: { text: string; words: Words }[];
  services: { text: string; words: Words }[];
  /** Stems of the symptoms, metric conditions and title, without stop words, each with a word that shows it. */
  symptomStems: Map<string, string>;
  /** Each symptom with its content stems: most of them named together say more than each word alone. */
  symptomPhrases: { text: string; stems: string[] }[];
}

function vocabulary(s: TriageScenario): Vocabulary {
  const phrases = (list: readonly string[]) => list.filter((t) => t.trim()).map((text) => ({ text, words: words(text) }));
  const symptomStems = new Map<string, string>();
  for (const text of [...s.detection.symptoms, ...s.detection.metrics, s.title]) {
    const w = words(text);
    w.stems.forEach((stem, i) => {
      if (!isStopWord(stem) && stem.length > 1 && !/^\d+$/.test(stem) && !symptomStems.has(stem)) symptomStems.set(stem, w.raw[i]!);
    });
  }
  const content = (text: string) => [...new Set(words(text).stems.filter((st) => !isStopWord(st) && st.length > 1 && !/^\d+$/.test(st)))];
  const symptomPhrases = s.detection.symptoms.map((text) => ({ text, stems: content(text) })).filter((p) => p.stems.length >= 2);
  return { keywords: phrases(s.detection.keywords), services: phrases(s.services), symptomStems, symptomPhrases };
}

/** ln(1 + N/df): evidence many candidates share counts less. */
function rarity(counts: Map<string, number>, n: number) {
  return (key: string) => Math.log(1 + n / Math.max(1, counts.get(key) ?? 1));
}

/** ln(N/df): a word every candidate's symptoms use says nothing. */
function wordRarity(counts: Map<string, number>, n: number) {
  return (key: string) => Math.log(n / Math.max(1, counts.get(key) ?? 1));
}

function countBy<T>(lists: readonly T[][], key: (t: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of lists) for (const k of new Set(list.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The candidate scenarios with a score and the evidence for it, best first (ties by title). Live mode never
 * offers a drill, drill mode only drills. `text` is what the operator typed (title and the "affected"
 * answer); `firingAlarms` are the names of alarms now in ALARM (empty when AWS is not connected).
 */
export function rankScenarios(
  scenarios: readonly TriageScenario[],
  answers: TriageAnswers,
  text: string,
  firingAlarms: readonly string[] = [],
  options: RankOptions = {},
): RankedScenario[] {
  const drills = options.mode === 'drill';
  const candidates = scenarios.filter((s) => isDrill(s) === drills);
  const typed = words(spellOutAwsNames(`${text} ${answers.affected}`));
  const typedStems = new Set(typed.stems);
  const vocab = candidates.map(vocabulary);
  const n = candidates.length;
  const phraseRarity = rarity(countBy(vocab.map((v) => [...v.keywords, ...v.services]), (p) => phraseKey(p.words)), n);
  const stemRarity = wordRarity(countBy(vocab.map((v) => [...v.symptomStems.keys()]), (k) => k), n);
  const alarms = alarmHits(candidates.map((s) => s.detection.alarms), firingAlarms);

  const ranked = candidates.map((s, i) => {
    const v = vocab[i]!;
    const matches: TriageMatch[] = [];
    const seen = new Set<string>();
    for (const [kind, list] of [['keyword', v.keywords], ['service', v.services]] as const) {
      for (const p of list) {
        const key = phraseKey(p.words);
        if (seen.has(key)) continue;
        const found = findPhrase(typed, p.words);
        if (found === undefined) continue;
        seen.add(key);
        // A phrase of several words is more telling than one word.
        const length = 1 + 0.5 * (p.words.stems.length - 1);
        const exact = words(found).raw.join('') === p.words.raw.join('');
        matches.push({ kind, text: found, against: p.text, weight: WEIGHT[kind] * length * phraseRarity(key) * (exact ? 1 : STEM_ONLY) });
      }
    }
    // A word already counted in a matched phrase is not counted again as a symptom word.
    const counted = new Set(matches.flatMap((m) => words(m.text).stems));
    const symptomHits = [...v.symptomStems.entries()]
      .filter(([stem]) => typedStems.has(stem) && !counted.has(stem))
      .map(([stem, shown]) => ({ kind: 'symptom' as const, text: typed.raw[typed.stems.indexOf(stem)]!, against: shown, weight: WEIGHT.symptom * stemRarity(stem) }))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, MAX_SYMPTOM_WORDS);
    matches.push(...symptomHits);
    // A symptom most of whose words the text names ("table ... deleted" for "Table deleted without PITR").
    // Words a keyword already counted are not counted again.
    const phraseHits = v.symptomPhrases
      .map((p) => {
        const hit = p.stems.filter((st) => typedStems.has(st));
        return { p, hit, fresh: hit.filter((st) => !counted.has(st)) };
      })
      .filter(({ p, hit, fresh }) => fresh.length >= 2 && hit.length * 2 >= p.stems.length)
      .sort((a, b) => b.fresh.length - a.fresh.length)
      .slice(0, 1);
    for (const { p, fresh } of phraseHits) {
      matches.push({ kind: 'symptom', text: fresh.map((st) => typed.raw[typed.stems.indexOf(st)]!).join(' '), against: p.text, weight: WEIGHT.symptomPhrase * fresh.length });
    }
    for (const hit of alarms[i]!) {
      if (hit.weight > 0) matches.push({ kind: 'alarm', text: hit.alarm, against: hit.pattern, weight: WEIGHT.alarm * hit.weight });
    }
    matches.push(...answerMatches(s, answers));
    const fit = scopeFit(s, answers.scope);
    if (fit.word) matches.push({ kind: 'answer', text: `${answers.scope} scope`, against: fit.word, weight: SCOPE_LIFT });
    if (fit.off) {
      const sum = matches.reduce((t, m) => t + m.weight, 0);
      if (sum > 0) matches.push({ kind: 'answer', text: `${answers.scope} scope`, against: fit.off, weight: -sum * (1 - SCOPE_DAMPING) });
    }
    const score = round(matches.reduce((sum, m) => sum + m.weight, 0));
    return { id: s.id, title: s.title, score, reasons: describeMatches(matches), matches: matches.map((m) => ({ ...m, weight: round(m.weight) })) };
  });
  return ranked
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
    .map(({ id, score, reasons, matches }) => ({ id, score, reasons, matches }));
}

function answerMatches(s: TriageScenario, a: TriageAnswers): TriageMatch[] {
  const out: TriageMatch[] = [];
  if (a.dataIntegrity === 'yes' && s.category === 'data') out.push({ kind: 'answer', text: 'data integrity at risk', against: 'a data scenario', weight: WEIGHT.answer * 1.5 });
  if (a.security === 'yes' && s.category === 'security') out.push({ kind: 'answer', text: 'security involved', against: 'a security scenario', weight: WEIGHT.answer * 2 });
  return out;
}

const quote = (ms: TriageMatch[]) => ms.map((m) => (m.text === m.against ? `"${m.text}"` : `"${m.text}" (${m.against})`)).join(', ');

/** The evidence as short lines: words, services, symptoms, alarms, answers. */
export function describeMatches(matches: readonly TriageMatch[]): string[] {
  const of = (kind: TriageMatch['kind']) => matches.filter((m) => m.kind === kind);
  const lines: string[] = [];
  if (of('keyword').length) lines.push(`words ${quote(of('keyword'))}`);
  if (of('service').length) lines.push(`service ${quote(of('service'))}`);
  if (of('symptom').length) lines.push(`symptoms ${of('symptom').map((m) => m.text).join(', ')}`);
  for (const m of of('alarm')) lines.push(`alarm ${m.text} (${m.against})`);
  for (const m of of('answer')) lines.push(`${m.text}: ${m.against}`);
  return lines;
}
