// Decides, for one key point, covered / partly / missed with the answer spans that show it.
// Two routes, the better one counts: the key point's statement (the weighted share of its words
// the answer holds, question words counting less), and its cues. A cue found as a phrase is full
// evidence, a one-word cue or part of a phrase is partial, and evidence from different cues adds
// up: "covered" takes a phrase or two separate cues. A match whose polarity contradicts the key
// point counts for nothing and is marked negated.
import type { Evidence, KeyPointResult } from './types.js';
import type { Pattern } from './pattern.js';
import { matchPattern, type AnswerIndex, type PatternMatch } from './pattern-match.js';
import type { CompiledKeyPoint } from './question-model.js';
import { isPhraseTerm } from './terms.js';
import { TUNING } from './tuning.js';

/** A key point result plus the numbers the criteria need. */
export interface KeyPointOutcome {
  result: KeyPointResult;
  /** 0..1: how fully the answer makes the point. */
  score: number;
  contradicted: boolean;
}

/** Evidence from a one-word cue: alone it makes a point "partly"; with another cue, "covered". */
const SINGLE_CUE_CREDIT = 0.6;
/** Evidence from a multi-word cue of which only some words were found, per share found. */
const PARTIAL_CUE_CREDIT = 0.5;

interface CueEvidence {
  credit: number;
  match: PatternMatch;
  text: string;
}

/** Matches one compiled key point against an answer. */
export function matchKeyPoint(kp: CompiledKeyPoint, ix: AnswerIndex): KeyPointOutcome {
  const statement = matchPattern(kp.statement, ix);
  let contradicted = statement.contradicted && statement.raw >= TUNING.partly;
  const cues: CueEvidence[] = [];
  for (const cue of kp.cues) {
    const match = matchPattern(cue, ix);
    if (match.contradicted) contradicted ||= match.full;
    else if (match.full && match.compact) cues.push({ credit: cue.words > 1 || isNameCue(cue) ? 1 : SINGLE_CUE_CREDIT, match, text: cue.text });
    // Part of a phrase counts only from two of its words: one generic word of it proves little.
    else if (match.tokens.length >= 2 && match.compact && match.coverage >= 0.5) cues.push({ credit: PARTIAL_CUE_CREDIT * match.coverage, match, text: cue.text });
  }
  const cueRoute = addUpCues(cues);
  const useCues = cueRoute.score > statement.coverage;
  const score = useCues ? cueRoute.score : statement.coverage;
  const status = score >= TUNING.covered ? 'covered' : score >= TUNING.partly ? 'partly' : 'missed';
  const support = useCues ? cueRoute.used.map((c) => c.match) : [statement];
  const matched = useCues ? cueRoute.used.map((c) => (c.credit >= SINGLE_CUE_CREDIT ? c.text : c.match.matched.join(' '))) : statement.matched;
  const negated = contradicted && status !== 'covered';
  const { keyPoint } = kp;
  return {
    score,
    contradicted: negated,
    result: {
      id: keyPoint.id,
      statement: keyPoint.statement,
      weight: keyPoint.weight,
      status,
      evidence: status === 'missed' ? [] : evidenceOf(support, ix),
      matched: status === 'missed' ? [] : [...new Set(matched)],
      negated,
    },
  };
}

// A one-word cue that names a thing (an acronym, or a multi-word name collapsed to one term such
// as "Earth Mover's distance") is as specific as a phrase; a plain word is not.
function isNameCue(cue: Pattern): boolean {
  const term = cue.terms[0]?.term ?? '';
  return isPhraseTerm(term) || /^[A-Z0-9][A-Z0-9-]+$/.test(cue.text.trim());
}

// Strongest cues first; a cue adds nothing when the words it matched were already counted.
function addUpCues(cues: CueEvidence[]): { score: number; used: CueEvidence[] } {
  const used: CueEvidence[] = [];
  const seen = new Set<number>();
  let score = 0;
  for (const cue of [...cues].sort((a, b) => b.credit - a.credit || b.match.tokens.length - a.match.tokens.length)) {
    if (cue.match.tokens.every((index) => seen.has(index))) continue;
    for (const index of cue.match.tokens) seen.add(index);
    used.push(cue);
    score += cue.credit;
  }
  return { score: Math.min(1, score), used };
}

/** Merges the matched tokens into spans of the original answer. */
export function evidenceOf(matches: PatternMatch[], ix: AnswerIndex): Evidence[] {
  const { tokens, text, clause, headOf } = ix.analyzed;
  // A negated word is shown with its negator: the evidence for "not connected" is both words.
  const matched = matches.flatMap((m) => m.tokens);
  const indices = [...new Set([...matched, ...matched.flatMap((i) => headOf[i] ?? [])])].sort((a, b) => a - b);
  const spans: Evidence[] = [];
  let last = -1;
  for (const index of indices) {
    const token = tokens[index];
    if (!token) continue;
    const open = spans[spans.length - 1];
    if (open && last >= 0 && gap(ix, last, index) <= 3 && clause[index] === clause[last]) {
      open.end = token.end;
      open.text = text.slice(open.start, open.end);
    } else spans.push({ start: token.start, end: token.end, text: text.slice(token.start, token.end) });
    last = index;
  }
  return spans;
}

// Content words between two tokens (negators are not in the content ranking).
function gap(ix: AnswerIndex, from: number, to: number): number {
  let count = 0;
  for (let i = from + 1; i < to; i += 1) if (ix.rank.has(i)) count += 1;
  return count;
}
