// The candidate's own words for a follow-up to refer back to: a short phrase taken from the evidence
// the evaluation found, for the point being probed or a related one. A phrase is whole words that
// carry content (never a single letter, a number alone, or only function words).
import type { KeyPoint, Question } from '../bank/schema.js';
import { STOP_WORDS } from '../scoring/lexicon/stop-words.js';
import type { Evaluation, KeyPointResult } from '../scoring/types.js';

/** Longest phrase quoted back, in words: longer quotes read as being read back to. */
const MAX_WORDS = 6;

/** A short content phrase from evidence texts, or undefined when none carries content. */
export function contentPhrase(evidence: readonly string[]): string | undefined {
  for (const text of evidence) {
    const ws = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
    // Trim function words and punctuation at both ends: "the KL term," -> "KL term".
    const clean = ws.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, ''));
    let start = 0;
    let end = clean.length;
    while (start < end && isFiller(clean[start] ?? '')) start += 1;
    while (end > start && isFiller(clean[end - 1] ?? '')) end -= 1;
    if (end - start > MAX_WORDS) end = start + MAX_WORDS;
    while (end > start && isFiller(clean[end - 1] ?? '')) end -= 1;
    const phrase = clean.slice(start, end).filter(Boolean);
    if (phrase.some(isContent)) return phrase.join(' ');
  }
  return undefined;
}

// Only these are trimmed from the ends of a quote: "the KL term," -> "KL term", while "pull against
// each other" keeps its words (a quote cut to "pull" would say nothing).
const END_FILLER = new Set(['a', 'an', 'the', 'of', 'to', 'and', 'or', 'but', 'so', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'is', 'are', 'was', 'were', 'be', 'it', 'its', 'this', 'that', 'which', 'then', 'um', 'uh', 'like']);
const isFiller = (w: string): boolean => w === '' || END_FILLER.has(w.toLowerCase());
const isContent = (w: string): boolean => /\p{L}/u.test(w) && w.length >= 2 && !STOP_WORDS.has(w.toLowerCase()) && (w.length >= 3 || /^[A-Z0-9]+$/.test(w));

// The words a point is stated and probed in ("KL" counts: short names carry content).
const pointWords = (kp: KeyPoint, question: Question): Set<string> => {
  const text = [kp.statement, ...question.followUps.filter((f) => f.target === kp.id).map((f) => f.prompt)].join(' ');
  return new Set((text.toLowerCase().match(/[a-z][a-z0-9]+/g) ?? []).filter((w) => !STOP_WORDS.has(w)));
};

/**
 * What to quote when probing `targetId`: the target's own evidence when the answer touched it,
 * else the evidence of the covered or partly point most related to it (shared statement words, then
 * nearest in the bank's order).
 */
export function echoFor(question: Question, evaluation: Evaluation | undefined, targetId: string): string | undefined {
  if (!evaluation) return undefined;
  const results = new Map(evaluation.score.keyPoints.map((k) => [k.id, k]));
  const own = results.get(targetId);
  if (own && own.status !== 'missed' && !own.negated) {
    const phrase = contentPhrase(own.evidence.map((e) => e.text));
    if (phrase) return phrase;
  }
  const index = question.keyPoints.findIndex((k) => k.id === targetId);
  const target = question.keyPoints[index];
  const targetWords = target ? pointWords(target, question) : new Set<string>();
  const related = question.keyPoints
    .map((kp, i) => ({ kp, i, result: results.get(kp.id) }))
    .filter((x): x is { kp: KeyPoint; i: number; result: KeyPointResult } => x.kp.id !== targetId && !!x.result && x.result.status !== 'missed' && !x.result.negated)
    .map((x) => ({ ...x, shared: [...pointWords(x.kp, question)].filter((w) => targetWords.has(w)).length }))
    .sort((a, b) => b.shared - a.shared || Math.abs(a.i - index) - Math.abs(b.i - index));
  for (const r of related) {
    const phrase = contentPhrase(r.result.evidence.map((e) => e.text));
    if (phrase) return phrase;
  }
  return undefined;
}

/** The contradicting claim to quote when probing a contradicted point (its evidence). */
export function contradictionFor(evaluation: Evaluation | undefined, targetId: string): string | undefined {
  const result = evaluation?.score.keyPoints.find((k) => k.id === targetId);
  if (!result?.negated) return undefined;
  const texts = result.evidence.map((e) => e.text.replace(/\s+/g, ' ').trim()).filter((t) => t.split(' ').some(isContent));
  // A contradiction is quoted whole (up to a sentence's worth), so the candidate sees what they said.
  const text = texts.sort((a, b) => b.length - a.length)[0];
  if (!text) return undefined;
  const ws = text.split(' ');
  return ws.length > 14 ? `${ws.slice(0, 14).join(' ')}...` : text;
}
