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
import { countWhere, packedMap } from './stable-arrays.js';

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
  /** Token index -> position among content tokens; -1 for a token that is not content (rankOf). */
  rank: Int32Array;
  /** Candidates by pattern term and spelling (PatternTerm.key: near misses depend on the spelling). */
  memo: Map<string, Candidate[]>;
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
  const rank = new Int32Array(analyzed.tokens.length).fill(-1);
  analyzed.content.forEach((index, position) => {
    rank[index] = position;
  });
  const byInitial = new Map<string, [string, number[]][]>();
  for (const entry of analyzed.byTerm) {
    const initial = (analyzed.tokens[entry[1][0] ?? 0] as Token).norm[0] ?? '';
    const list = byInitial.get(initial);
    if (list) list.push(entry);
    else byInitial.set(initial, [entry]);
  }
  return { analyzed, rank, memo: new Map(), byInitial };
}

/** A token's position among the content tokens (0 for a token that is not content). */
export function rankOf(ix: AnswerIndex, index: number): number {
  const rank = ix.rank[index] ?? -1;
  return rank >= 0 ? rank : 0;
}

function candidatesFor(ix: AnswerIndex, t: PatternTerm): Candidate[] {
  const cached = ix.memo.get(t.key);
  if (cached) return cached;
  const { byTerm, tokens } = ix.analyzed;
  // Built only when something is found: most terms of a question's patterns are not in a given answer.
  // The exact matches come in token order (byTerm's lists are); only added ones need a sort.
  const exactIndices = byTerm.get(t.term);
  let found: Candidate[] | undefined = exactIndices && packedMap(exactIndices, (index) => ({ index, flip: false, quality: 1 }));
  const exact = found?.length ?? 0;
  // "difference" shares a stem with "different" but names a quantity: it is no opposite of "same".
  if (!isDifferenceNoun(t.norm)) {
    for (const opposite of antonymsOf(t.term)) {
      for (const index of byTerm.get(opposite) ?? NO_INDICES) if (!isDifferenceNoun((tokens[index] as Token).norm)) (found ??= []).push({ index, flip: true, quality: 1 });
    }
  }
  if (!found) {
    for (const related of relatedTerms(t.term)) {
      for (const index of byTerm.get(related) ?? NO_INDICES) (found ??= []).push({ index, flip: false, quality: TUNING.synonymCredit });
    }
  }
  // isNearMiss needs both spellings at least 5 letters long.
  if (!found && t.norm.length >= 5) {
    for (const [term, indices] of ix.byInitial.get(t.norm[0] ?? '') ?? NO_ENTRIES) {
      const rep = tokens[indices[0] ?? 0] as Token;
      if (term !== t.term && isNearMiss(t.norm, t.stem, rep.norm, rep.stem)) {
        for (const index of indices) (found ??= []).push({ index, flip: false, quality: NEAR_MISS_QUALITY });
      }
    }
  }
  // Most terms of a question's patterns are not in a given answer: they share one empty list.
  const list = !found ? NO_CANDIDATES : found.length > exact ? found.sort((a, b) => a.index - b.index) : found;
  ix.memo.set(t.key, list);
  return list;
}

const NO_INDICES: readonly number[] = [];
const NO_ENTRIES: readonly [string, number[]][] = [];
// Shared and never changed (candidatesFor builds a new list whenever it adds); not frozen, as NO_MATCH.
const NO_CANDIDATES: Candidate[] = [];

const isDifferenceNoun = (norm: string): boolean => norm === 'difference' || norm === 'differences';

function termParity(t: PatternTerm): number {
  return t.heads + (t.inherentNeg ? 1 : 0);
}

function answerParity(ix: AnswerIndex, c: Candidate): number {
  const token = ix.analyzed.tokens[c.index] as Token;
  return (ix.analyzed.headOf[c.index]?.length ?? 0) + (token.inherentNeg ? 1 : 0) + (c.flip ? 1 : 0);
}

// Prefer the occurrence whose polarity agrees, then the one nearest the first match. A token
// already chosen for an earlier term of the pattern is skipped (`chosen` holds a few entries, so a
// scan is cheaper than a Set per call).
function choose(ix: AnswerIndex, t: PatternTerm, candidates: Candidate[], anchor: number, chosen: readonly Chosen[], within?: (index: number) => boolean): Candidate | undefined {
  let best: Candidate | undefined;
  let bestCost = Infinity;
  for (const c of candidates) {
    if (isChosen(chosen, c.index) || (within && !within(c.index))) continue;
    const disagree = (termParity(t) + answerParity(ix, c)) % 2;
    const cost = disagree * 1e6 + (anchor < 0 ? c.index : Math.abs(c.index - anchor)) + (1 - c.quality);
    if (cost < bestCost) {
      best = c;
      bestCost = cost;
    }
  }
  return best;
}

type Chosen = { t: PatternTerm; c: Candidate };

function isChosen(chosen: readonly Chosen[], index: number): boolean {
  for (const { c } of chosen) if (c.index === index) return true;
  return false;
}

/**
 * What a pattern none of whose terms is in the answer matches: most cues of most key points.
 * Shared, never changed; not frozen, because a frozen object and frozen arrays have maps of their
 * own, which every optimised reader of matches would have to check for.
 */
const NO_MATCH: PatternMatch = { coverage: 0, raw: 0, contradicted: false, full: false, compact: true, tokens: [], matched: [], chosen: [] };

/**
 * Matches one pattern against an indexed answer (only among the tokens `within` accepts, if given).
 * Called for every cue and statement of every key point (about 70 times an answer), so it loops
 * over the few chosen terms instead of building Sets and arrays of them.
 */
export function matchPattern(pattern: Pattern, ix: AnswerIndex, within?: (index: number) => boolean): PatternMatch {
  let chosen: Chosen[] | undefined;
  let anchor = -1;
  for (const t of pattern.terms) {
    const candidates = candidatesFor(ix, t);
    if (candidates.length === 0) continue;
    const c = choose(ix, t, candidates, anchor, chosen ?? NO_CHOSEN, within);
    if (!c) continue;
    (chosen ??= []).push({ t, c });
    if (anchor < 0) anchor = c.index;
  }
  // Most cues of most key points are not in a given answer at all.
  if (!chosen) return NO_MATCH;
  const { analyzed } = ix;
  const anchorClause = anchorClauseOf(ix, chosen);
  let found = 0;
  for (const { t, c } of chosen) found += t.weight * c.quality;
  if (analyzed.hasPronoun && chosen.some(({ t }) => !t.implicit)) {
    for (const t of pattern.terms) if (t.implicit && !chosen.some((x) => x.t === t)) found += t.weight * TUNING.impliedCredit;
  }
  const raw = pattern.total > 0 ? found / pattern.total : 0;
  const contradicted = isContradicted(ix, chosen, pattern, anchorClause);
  let minRank = Infinity;
  let maxRank = -Infinity;
  let oneSentence = true;
  const sentence = analyzed.sentence[(chosen[0] as Chosen).c.index];
  for (const { c } of chosen) {
    const rank = rankOf(ix, c.index);
    if (rank < minRank) minRank = rank;
    if (rank > maxRank) maxRank = rank;
    if (analyzed.sentence[c.index] !== sentence) oneSentence = false;
  }
  const span = maxRank - minRank + 1;
  return {
    coverage: contradicted ? 0 : raw,
    raw,
    contradicted,
    full: chosen.length === pattern.terms.length,
    compact: span <= chosen.length + PHRASE_SLACK && oneSentence,
    tokens: packedMap(chosen, ({ c }) => c.index),
    matched: packedMap(chosen, ({ t }) => t.surface),
    chosen,
  };
}

const NO_CHOSEN: readonly Chosen[] = [];

// The clause that holds most of a match's weight (the first of equals). Each clause's weight is
// summed in the order of `chosen`, as a Map keyed by clause would, so ties fall the same way.
function anchorClauseOf(ix: AnswerIndex, chosen: readonly Chosen[]): number {
  const { clause } = ix.analyzed;
  let anchorClause = -1;
  let anchorWeight = -1;
  for (let i = 0; i < chosen.length; i += 1) {
    const current = clause[(chosen[i] as Chosen).c.index] ?? 0;
    if (seenBefore(ix, chosen, i, current)) continue;
    let weight = 0;
    for (let j = i; j < chosen.length; j += 1) {
      const { t, c } = chosen[j] as Chosen;
      if ((clause[c.index] ?? 0) === current) weight += t.weight * c.quality;
    }
    if (weight > anchorWeight || (weight === anchorWeight && current < anchorClause)) {
      anchorClause = current;
      anchorWeight = weight;
    }
  }
  return anchorClause;
}

function seenBefore(ix: AnswerIndex, chosen: readonly Chosen[], i: number, clause: number): boolean {
  for (let j = 0; j < i; j += 1) if ((ix.analyzed.clause[(chosen[j] as Chosen).c.index] ?? 0) === clause) return true;
  return false;
}

function isContradicted(ix: AnswerIndex, chosen: readonly Chosen[], pattern: Pattern, anchorClause: number): boolean {
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
function movedNegation(ix: AnswerIndex, chosen: readonly Chosen[], pattern: Pattern, anchorClause: number): boolean {
  if (pattern.negations === 0) return false;
  const { tokens, clause, isNegator } = ix.analyzed;
  const inClause = chosen.filter(({ c }) => clause[c.index] === anchorClause);
  if (inClause.length < 2) return false;
  const first = Math.min(...packedMap(inClause, ({ c }) => c.index));
  const last = Math.max(...packedMap(inClause, ({ c }) => c.index));
  let answerNegations = 0;
  for (let i = first; i <= last; i += 1) if (isNegator[i] || tokens[i]?.inherentNeg) answerNegations += 1;
  const flips = countWhere(inClause, ({ c }) => c.flip);
  return answerNegations + flips > 0 && (answerNegations + flips + pattern.negations) % 2 === 0;
}
