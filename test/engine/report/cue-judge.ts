// A scripted, predictable judge for report tests: a key point is covered when the answer uses two
// of its cues, partly covered with one; evidence is the sentence holding the first cue; every
// criterion gets the level of the covered share. Realistic shape, hand-checkable numbers.
import type { Question } from '../../../src/engine/bank/schema.js';
import type { Evaluation, KeyPointResult, Score } from '../../../src/engine/scoring/types.js';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function cueHits(answer: string, cues: string[]): { cue: string; index: number }[] {
  return cues
    .map((cue) => ({ cue, index: answer.search(new RegExp(`(?<![\\w-])${escapeRegExp(cue)}(?![\\w-])`, 'i')) }))
    .filter((h) => h.index >= 0);
}

function sentenceAt(answer: string, index: number): { start: number; end: number; text: string } {
  const before = answer.slice(0, index);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1;
  const rest = answer.slice(index).search(/[.\n]/);
  const end = rest < 0 ? answer.length : index + rest + 1;
  const raw = answer.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  return { start: start + lead, end, text: raw.trim() };
}

/** Judges like an offline scorer would, but by a rule a test can work out by hand. */
export function cueScore(q: Question, answer: string, scorer: Score['scorer'] = 'offline'): Score {
  if (/don'?t know/i.test(answer)) {
    const keyPoints = q.keyPoints.map((k): KeyPointResult => ({ id: k.id, statement: k.statement, weight: k.weight, status: 'missed', evidence: [], matched: [], negated: false }));
    const criteria = q.rubric.criteria.map((c) => ({ id: c.id, name: c.name, level: 0, reason: 'The answer says it does not know.' }));
    return { scorer, overall: 0, keyPoints, criteria, flags: ['dont-know'] };
  }
  const keyPoints = q.keyPoints.map((k): KeyPointResult => {
    const hits = cueHits(answer, k.cues).sort((a, b) => a.index - b.index);
    const status = hits.length >= 2 ? 'covered' : hits.length === 1 ? 'partly' : 'missed';
    const evidence = hits[0] ? [sentenceAt(answer, hits[0].index)] : [];
    return { id: k.id, statement: k.statement, weight: k.weight, status, evidence, matched: hits.map((h) => h.cue), negated: false };
  });
  const share = keyPoints.reduce((s, k) => s + (k.status === 'covered' ? k.weight : k.status === 'partly' ? k.weight / 2 : 0), 0);
  const level = Math.round(share * 4);
  const covered = keyPoints.filter((k) => k.status === 'covered').length;
  const criteria = q.rubric.criteria.map((c) => ({ id: c.id, name: c.name, level, reason: `Covers ${covered} of ${keyPoints.length} key points.` }));
  return { scorer, overall: Math.round(share * 100), keyPoints, criteria, flags: [] };
}

export function cueJudge(q: Question, answer: string): Evaluation {
  const score = cueScore(q, answer);
  return { score, offline: score, droppedClaims: [], disagreement: false };
}
