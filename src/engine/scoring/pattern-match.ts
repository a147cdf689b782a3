// Finds a pattern in an answer: which answer token stands for each pattern term (same term,
// a near-miss spelling, or an opposite that flips polarity), and whether the polarity of the
// match agrees ("not connected" against "separated" agrees; "connected" against "not connected"
// contradicts). Polarity is compared as the parity of negators, self-negating words and
// opposites within the answer clause that holds most of the match.
import type { AnalyzedText } from './analyze-text.js';
import { isNearMiss } from './fuzzy.js';
import type { Pattern, PatternTerm } from './pattern.js';
import { antonymsOf, relatedTerms, type Token } from './terms.js';
import { TUNING } from './tuning.js';

/** Credit for a misspelt match, against 1 for an exact one. */
const NEAR_MISS_QUALITY = 0.85;
/** Extra content words allowed between the words of a phrase that still counts as the phrase. */
const PHRASE_SLACK = 3;

/** An answer token standing for a pattern term; `flip` when it is the term's opposite. */
export interface Candidate {
  index: number;
  flip: boolean;
  quality: number;
}

/** An answer prepared for many pattern lookups (one per scoring call). */
export interface AnswerIndex {
  analyzed: AnalyzedText;
  /** Token index -> position among content tokens. */
  rank: Map<number, number>;
  /** Candidates by pattern term, then by its spelling (near misses depend on the spelling). */
  memo: Map<string, Map<string, Candidate[]>>;
  /**
   * Answer terms by the first letter of their spelling. A near miss keeps its first letter
   * (fuzzy.ts), so a misspelt term is looked for only among these, not among every term.
   */
  byInitial: Map<string, [string, number[]][]>;
}

export interface PatternMatch {
  /** Matched weight share, 0..1; 0 when the match contradicts the pattern. */
  coverage: number;
  /** Matched weight share ignoring polarity. */
  raw: number;
  contradicted: boolean;
  /** Every pattern term found. */
  full: boolean;
  /** The found words sit close together, as a phrase. */
  compact: boolean;
  /** Answer token indices used. */
  tokens: number[];
  /** Pattern words that were found. */
  matched: string[];
  /** Each pattern term found with the answer token chosen for it. */
  chosen: readonly { t: PatternTerm; c: Candidate }[];
}

/** Indexes an analyzed answer for matching. */
export function indexAnswer(analyzed: AnalyzedText): AnswerIndex {
  const rank = new Map<number, number>();
  analyzed.content.forEach((index, position) => rank.set(index, position));
  const byInitial = new Map<string, [string, number[]][]>();
  for (const entry of analyzed.byTerm) {
    const initial = (analyzed.tokens[entry[1][0] ?? 0] as Token).norm[0] ?? '';
    const list = byInitial.get(initial);
    if (list) list.push(entry);
    else byInitial.set(initial, [entry]);
  }
  return { analyzed, rank, memo: new Map(), byInitial };
}

function candidatesFor(ix: AnswerIndex, t: PatternTerm): Candidate[] {
  let byNorm = ix.memo.get(t.term);
  const cached = byNorm?.get(t.norm);
  if (cached) return cached;
  const { byTerm, tokens } = ix.analyzed;
  const found: Candidate[] = (byTerm.get(t.term) ?? []).map((index) => ({ index, flip: false, quality: 1 }));
  // "difference" shares a stem with "different" but names a quantity: it is no opposite of "same".
  if (!isDifferenceNoun(t.norm)) {
    for (const opposite of antonymsOf(t.term)) {
      for (const index of byTerm.get(opposite) ?? []) if (!isDifferenceNoun((tokens[index] as Token).norm)) found.push({ index, flip: true, quality: 1 });
    }
  }
  if (found.length === 0) {
    for (const related of relatedTerms(t.term)) {
      for (const index of byTerm.get(related) ?? []) found.push({ index, flip: false, quality: TUNING.synonymCredit });
    }
  }
  // isNearMiss needs both spellings at least 5 letters long.
  if (found.length === 0 && t.norm.length >= 5) {
    for (const [term, indices] of ix.byInitial.get(t.norm[0] ?? '') ?? []) {
      const rep = tokens[indices[0] ?? 0] as Token;
      if (term !== t.term && isNearMiss(t.norm, t.stem, rep.norm, rep.stem)) {
        for (const index of indices) found.push({ index, flip: false, quality: NEAR_MISS_QUALITY });
      }
    }
  }
  found.sort((a, b) => a.index - b.index);
  if (!byNorm) {
    byNorm = new Map();
    ix.memo.set(t.term, byNorm);
  }
  byNorm.set(t.norm, found);
  return found;
}

const isDifferenceNoun = (norm: string): boolean => norm === 'difference' || norm === 'differences';

function termParity(t: PatternTerm): number {
  return t.heads + (t.inherentNeg ? 1 : 0);
}

function answerParity(ix: AnswerIndex, c: Candidate): number {
  const token = ix.analyzed.tokens[c.index] as Token;
  return (ix.analyzed.headOf[c.index]?.length ?? 0) + (token.inherentNeg ? 1 : 0) + (c.flip ? 1 : 0);
}

// Prefer the occurrence whose polarity agrees, then the one nearest the first match.
function choose(ix: AnswerIndex, t: PatternTerm, candidates: Candidate[], anchor: number, used: Set<number>, within?: (index: number) => boolean): Candidate | undefined {
  let best: Candidate | undefined;
  let bestCost = Infinity;
  for (const c of candidates) {
    if (used.has(c.index) || (within && !within(c.index))) continue;
    const disagree = (termParity(t) + answerParity(ix, c)) % 2;
    const cost = disagree * 1e6 + (anchor < 0 ? c.index : Math.abs(c.index - anchor)) + (1 - c.quality);
    if (cost < bestCost) [best, bestCost] = [c, cost];
  }
  return best;
}

/** Matches one pattern against an indexed answer (only among the tokens `within` accepts, if given). */
export function matchPattern(pattern: Pattern, ix: AnswerIndex, within?: (index: number) => boolean): PatternMatch {
  const chosen: { t: PatternTerm; c: Candidate }[] = [];
  let anchor = -1;
  const usedTokens = new Set<number>();
  for (const t of pattern.terms) {
    const c = choose(ix, t, candidatesFor(ix, t), anchor, usedTokens, within);
    if (!c) continue;
    chosen.push({ t, c });
    usedTokens.add(c.index);
    if (anchor < 0) anchor = c.index;
  }
  // Most cues of most key points are not in a given answer at all.
  if (chosen.length === 0) return { coverage: 0, raw: 0, contradicted: false, full: false, compact: true, tokens: [], matched: [], chosen };
  const anchorClause = anchorClauseOf(ix, chosen);
  let found = chosen.reduce((sum, { t, c }) => sum + t.weight * c.quality, 0);
  if (ix.analyzed.hasPronoun && chosen.some(({ t }) => !t.implicit)) {
    const used = new Set(chosen.map(({ t }) => t));
    for (const t of pattern.terms) if (t.implicit && !used.has(t)) found += t.weight * TUNING.impliedCredit;
  }
  const raw = pattern.total > 0 ? found / pattern.total : 0;
  const contradicted = chosen.length > 0 && isContradicted(ix, chosen, pattern, anchorClause);
  const ranks = chosen.map(({ c }) => ix.rank.get(c.index) ?? 0);
  const span = ranks.length > 0 ? Math.max(...ranks) - Math.min(...ranks) + 1 : 0;
  return {
    coverage: contradicted ? 0 : raw,
    raw,
    contradicted,
    full: chosen.length === pattern.terms.length && chosen.length > 0,
    compact: span <= chosen.length + PHRASE_SLACK && new Set(chosen.map(({ c }) => ix.analyzed.sentence[c.index])).size <= 1,
    tokens: chosen.map(({ c }) => c.index),
    matched: chosen.map(({ t }) => t.surface),
    chosen,
  };
}

// The clause that holds most of a match's weight (the first of equals).
function anchorClauseOf(ix: AnswerIndex, chosen: readonly { t: PatternTerm; c: Candidate }[]): number {
  const weightByClause = new Map<number, number>();
  for (const { t, c } of chosen) {
    const clause = ix.analyzed.clause[c.index] ?? 0;
    weightByClause.set(clause, (weightByClause.get(clause) ?? 0) + t.weight * c.quality);
  }
  let anchorClause = -1;
  let anchorWeight = -1;
  for (const [clause, weight] of weightByClause) {
    if (weight > anchorWeight || (weight === anchorWeight && clause < anchorClause)) [anchorClause, anchorWeight] = [clause, weight];
  }
  return anchorClause;
}

function isContradicted(ix: AnswerIndex, chosen: { t: PatternTerm; c: Candidate }[], pattern: Pattern, anchorClause: number): boolean {
  // A negator counts only when the word it is about was matched: in "not in the same path" the
  // negation is about "same", so a match on "path" alone neither agrees nor disagrees.
  let answerSide = 0;
  let patternSide = 0;
  for (const { t, c } of chosen) {
    if (ix.analyzed.clause[c.index] !== anchorClause) continue;
    const token = ix.analyzed.tokens[c.index] as Token;
    answerSide += (ix.analyzed.headOf[c.index]?.length ?? 0) + (token.inherentNeg ? 1 : 0);
    patternSide += t.heads + (t.inherentNeg ? 1 : 0) + (c.flip ? 1 : 0);
  }
  // Against a plain positive pattern, any negated match contradicts it: in "clipping is not used
  // and there is no penalty" two negations must not cancel out. Otherwise compare parities.
  if (patternSide === 0) return answerSide > 0 && !movedNegation(ix, chosen, pattern, anchorClause);
  return (answerSide + patternSide) % 2 === 1 && !movedNegation(ix, chosen, pattern, anchorClause);
}

// A negated statement paraphrased with the negation on another word: "is not capable of telling
// them apart" and "cannot tell them apart" both say one "not". When the pattern is negated and
// the answer holds as many negations (in parity, opposites included) among the words it matched,
// between the first and the last of them in its clause, the two agree. A negation outside that
// span ("the generator never sees the label" against "samples that don't match it") does not.
function movedNegation(ix: AnswerIndex, chosen: { t: PatternTerm; c: Candidate }[], pattern: Pattern, anchorClause: number): boolean {
  if (pattern.negations === 0) return false;
  const { tokens, clause, isNegator } = ix.analyzed;
  const inClause = chosen.filter(({ c }) => clause[c.index] === anchorClause);
  if (inClause.length < 2) return false;
  const first = Math.min(...inClause.map(({ c }) => c.index));
  const last = Math.max(...inClause.map(({ c }) => c.index));
  let answerNegations = 0;
  for (let i = first; i <= last; i += 1) if (isNegator[i] || tokens[i]?.inherentNeg) answerNegations += 1;
  const flips = inClause.filter(({ c }) => c.flip).length;
  return answerNegations + flips > 0 && (answerNegations + flips + pattern.negations) % 2 === 0;
}
