// Clause claims: a key point read one clause at a time, for the claims that have a direction
// ("lower is better", "reduces diversity", "works with unpaired collections", "never sees real
// data"). An answer clause that holds such a claim's direction words and what it is about, with
// the opposite polarity (an opposite word, a negation, or a self-negating form), states the
// reverse of that claim. The clause is the unit, so "CycleGAN needs paired examples, while pix2pix
// works from unpaired ones" is read as two claims, not one bag of the right words.
import { analyzeText, type AnalyzedText } from './analyze-text.js';
import { LIGHT_VERBS } from './negation.js';
import { termKey, type Pattern, type PatternTerm } from './pattern.js';
import { matchPattern, rankOf, type AnswerIndex, type PatternMatch } from './pattern-match.js';
import { isRoleTerm } from './roles.js';
import { isDirectionTerm, isPhraseTerm, oppositeDirections, type Token } from './terms.js';
import { countWhere, packedMap } from './stable-arrays.js';

/** One clause of a key point statement that has a direction. */
export interface ClauseClaim {
  pattern: Pattern;
  /** Terms with a listed opposite: every one must be found for the claim to be read at all. */
  directions: ReadonlySet<string>;
  /** Terms that name what the claim is about (an acronym or name, a number, a role): one must be found. */
  names: ReadonlySet<string>;
  /** Negators in the claim's own clause. */
  negators: number;
  /** Terms that carry the polarity: direction words, negated words, self-negating words. */
  polar: ReadonlySet<string>;
  /** The question's common words ("model", "training"): they tell what a clause is about only with others. */
  common: ReadonlySet<string>;
  /** Other things the question names, when the claim is about one of them ("bf16" for a claim about fp16). */
  others: ReadonlySet<string>;
  /** The terms whose clauses can reverse the claim (clausesToRead), listed once when the claim is compiled. */
  readKeys: readonly string[];
}

/** Share of a claim's terms an answer clause must hold when the claim's direction is a negation only. */
const NEGATED_CLAIM_SHARE = 0.5;

/** The names in a text ("pix2pix", "CycleGAN", "fp16", "FID", "generator"): the things a question may set side by side. */
export function namesIn(a: AnalyzedText, questionTerms: ReadonlySet<string>): Set<string> {
  return new Set(packedMap(a.content.filter((i) => isName(a, i, questionTerms)), (i) => (a.tokens[i] as Token).term));
}

/**
 * The clauses of `statement` that carry a direction, as claims to check answers against.
 * `questionNames`: the things the question names; a claim about one of them said of another
 * ("bf16 has the narrow exponent range" for fp16's claim) is turned round once more.
 */
export function compileClauseClaims(statement: string, questionTerms: ReadonlySet<string>, questionNames: ReadonlySet<string> = new Set()): ClauseClaim[] {
  const a = analyzeText(statement);
  const groups = new Map<number, number[]>();
  for (const index of a.content) {
    if (LIGHT_VERBS.has((a.tokens[index] as Token).norm)) continue;
    const clause = a.clause[index] ?? 0;
    const group = groups.get(clause);
    if (group) group.push(index);
    else groups.set(clause, [index]);
  }
  const ordered = [...groups.values()];
  const subject = (ordered[0] ?? []).filter((i) => !isPolar(a, i) && isName(a, i, questionTerms)).slice(0, 1);
  const common = new Set([...questionTerms].filter((t) => !ordered.flat().some((i) => a.tokens[i]?.term === t && isName(a, i, questionTerms))));
  const claims: ClauseClaim[] = [];
  for (const group of ordered) {
    if (!group.some((i) => isPolar(a, i))) continue;
    // "abstain when it lacks the answer": a negation under a condition is not the claim's direction.
    if (!group.some((i) => isDirection(a.tokens[i] as Token)) && isConditional(a, a.clause[group[0] as number] ?? 0)) continue;
    // "...; lower is better": a clause that names nothing is about the statement's subject.
    const members = group.some((i) => !isPolar(a, i)) || group === ordered[0] ? group : [...subject, ...group];
    if (!members.some((i) => !isPolar(a, i))) continue;
    // "a trainable product added to frozen weights" contrasts two things inside one clause: which
    // direction goes with which is beyond a clause-level reading, so it is left to the other rules.
    const terms = packedMap(members, (i) => (a.tokens[i] as Token).term);
    if (terms.some((t) => [...oppositeDirections(t)].some((o) => terms.includes(o)))) continue;
    // "unlike recurrence or local convolutions": the direction word is what the point sets itself against.
    if (hasWordIn(a, a.clause[group[0] as number] ?? 0, CONTRAST)) continue;
    const clause = a.clause[group[0] as number];
    const negators = countWhere(a.isNegator, (n, j) => n && a.clause[j] === clause);
    const claim = toClaim(a, members, negators, questionTerms, common);
    if ([...claim.names].some((n) => questionNames.has(n))) claim.others = new Set([...questionNames].filter((n) => !claim.names.has(n)));
    claims.push(claim);
  }
  return claims;
}

function isPolar(a: AnalyzedText, index: number): boolean {
  const token = a.tokens[index] as Token;
  return isDirection(token) || token.inherentNeg || negatedHere(a, index);
}

// Negated by a negator of its own clause: "does not fit, shard with ZeRO or FSDP" does not negate
// the sharding (the negation's list reading reaches across the comma, a claim does not).
function negatedHere(a: AnalyzedText, index: number): boolean {
  return (a.headOf[index] ?? []).some((n) => a.clause[n] === a.clause[index]);
}

// "difference" shares its stem with "different" but names a quantity, not a direction.
const isDirection = (token: Token): boolean => isDirectionTerm(token.term) && !token.norm.startsWith('difference');

function isName(a: AnalyzedText, index: number, questionTerms: ReadonlySet<string>): boolean {
  const token = a.tokens[index] as Token;
  const surface = a.text.slice(token.start, token.end);
  // A question word names the topic only when it is a name ("FID"), not a common word ("model").
  return isPhraseTerm(token.term) || isRoleTerm(token.term) || /\d/.test(token.norm) || /^[A-Za-z][a-z0-9]*[A-Z]/.test(surface) || (questionTerms.has(token.term) && /^[A-Z]{2,}/.test(surface));
}

function toClaim(a: AnalyzedText, members: number[], negators: number, questionTerms: ReadonlySet<string>, common: ReadonlySet<string>): ClauseClaim {
  const terms: PatternTerm[] = [];
  const seen = new Set<string>();
  const directions = new Set<string>();
  const polar = new Set<string>();
  const names = new Set<string>();
  for (const index of members) {
    const token = a.tokens[index] as Token;
    if (seen.has(token.term)) continue;
    seen.add(token.term);
    if (isPolar(a, index)) polar.add(token.term);
    if (isDirection(token)) directions.add(token.term);
    else if (isName(a, index, questionTerms)) names.add(token.term);
    terms.push({
      term: token.term, stem: token.stem, norm: token.norm, surface: a.text.slice(token.start, token.end), weight: 1,
      heads: negatedHere(a, index) ? 1 : 0, inherentNeg: token.inherentNeg, implicit: false, deniedClause: false, clause: a.clause[index] ?? 0, key: termKey(token.term, token.norm),
    });
  }
  const text = packedMap(terms, (t) => t.surface).join(' ');
  const negations = negators + countWhere(terms, (t) => t.inherentNeg);
  // Only clauses holding a direction word of the claim (or its opposite) can reverse it; a claim
  // whose direction is a negation can be reversed by any clause holding its words.
  const readKeys = directions.size > 0 ? [...directions].flatMap((d) => [d, ...oppositeDirections(d)]) : packedMap(terms.filter((t) => t.heads > 0 || t.inherentNeg), (t) => t.term);
  return { pattern: { text, terms, total: terms.length, words: terms.length + negators, negations }, directions, polar, names, negators, common, others: new Set(), readKeys };
}

interface Hit {
  match: PatternMatch;
  reversed: boolean;
  /** Said of another named thing than the claim's. */
  moved: boolean;
  names: Set<string>;
  anchors: Set<string>;
}

/**
 * The answer clauses that state the reverse of one of `claims`, unless another clause of the
 * answer states that same claim the right way round about the same named thing.
 */
export function clauseContradictions(claims: readonly ClauseClaim[], ix: AnswerIndex): PatternMatch[] {
  const out: PatternMatch[] = [];
  for (const claim of claims) {
    const hits: Hit[] = [];
    for (const clause of clausesToRead(claim, ix)) {
      const match = matchPattern(claim.pattern, ix, (i) => ix.analyzed.clause[i] === clause);
      const hit = judge(claim, match, ix, clause);
      if (hit) hits.push(hit);
    }
    for (const hit of hits) {
      if (hit.reversed && !hits.some((h) => !h.reversed && restates(h, hit))) out.push(hit.match);
    }
  }
  return out;
}

// The answer clauses that hold one of the claim's read keys (ClauseClaim.readKeys).
function clausesToRead(claim: ClauseClaim, ix: AnswerIndex): Set<number> {
  const { byTerm, clause } = ix.analyzed;
  const clauses = new Set<number>();
  for (const key of claim.readKeys) for (const index of byTerm.get(key) ?? []) clauses.add(clause[index] ?? 0);
  return clauses;
}

function judge(claim: ClauseClaim, match: PatternMatch, ix: AnswerIndex, clause: number): Hit | undefined {
  // Direction words are placed by placeDirections (with their own opposites); the match gives the rest.
  const found = new Set(packedMap(match.chosen, ({ t }) => t.term).filter((t) => !claim.directions.has(t)));
  const anchors = new Set([...found].filter((t) => !claim.polar.has(t)));
  let names = new Set([...found].filter((t) => claim.names.has(t)));
  // Said of another thing the question names, and of none of the claim's own: the claim moved.
  const moved = claim.names.size > 0 && names.size === 0 ? otherNames(claim, ix, clause) : [];
  if (moved.length > 0) names = new Set(moved);
  if (anchors.size === 0 || (claim.names.size > 0 && names.size === 0)) return undefined;
  if ([...anchors].every((t) => claim.common.has(t))) return undefined;
  const placed = claim.directions.size > 0 ? placeDirections(claim, match, ix, clause) : [];
  // Every direction word placed: "only a few distinct outputs" is one direction made of two words,
  // which "the same outputs" agrees with; reading "distinct" alone would call it reversed.
  if (placed.length < claim.directions.size) return undefined;
  // One word of what the claim is about counts only beside the direction word ("increases the
  // diversity", "a higher FID"), not at the other end of the clause.
  if (anchors.size === 1 && claim.directions.size > 0 && !placed.some((p) => p.distance <= ADJACENT)) return undefined;
  // A negation is a weaker signal than an opposite word: it needs the claim's negated word and most of the claim.
  const negationOnly = claim.directions.size === 0;
  if (negationOnly && (anchors.size < 2 || found.size === anchors.size || found.size < NEGATED_CLAIM_SHARE * claim.pattern.terms.length)) return undefined;
  if (isHypothetical(ix, clause)) return undefined;
  const reversed = claim.directions.size > 0 ? directionReversed(claim, placed, ix) : negationReversed(claim, match, ix);
  return { match, reversed: moved.length > 0 ? !reversed : reversed, names, anchors, moved: moved.length > 0 };
}

/** Content words apart at most for a lone word of the claim to count as next to its direction word. */
const ADJACENT = 2;

interface Placed {
  index: number;
  flip: boolean;
  distance: number;
}

// For each direction word of the claim, the occurrence in the clause (itself or its opposite)
// nearest to the words the claim is about: in "raising the scale increases the diversity" the
// diversity goes with "increases", not with "raising".
function placeDirections(claim: ClauseClaim, match: PatternMatch, ix: AnswerIndex, clause: number): Placed[] {
  const { byTerm, clause: clauseOf } = ix.analyzed;
  const rank = (i: number): number => rankOf(ix, i);
  const anchors = packedMap(match.chosen.filter(({ t }) => !claim.polar.has(t.term)), ({ c }) => rank(c.index));
  const placed: Placed[] = [];
  const used = new Set<number>();
  for (const d of claim.directions) {
    let best: Placed | undefined;
    const consider = (index: number, flip: boolean): void => {
      if (clauseOf[index] !== clause || used.has(index) || !isDirection(ix.analyzed.tokens[index] as Token)) return;
      const distance = Math.min(...packedMap(anchors, (r) => Math.abs(r - rank(index))));
      if (!best || distance < best.distance) best = { index, flip, distance };
    };
    for (const index of byTerm.get(d) ?? []) consider(index, false);
    for (const opposite of oppositeDirections(d)) for (const index of byTerm.get(opposite) ?? []) consider(index, true);
    if (best) {
      placed.push(best);
      used.add(best.index);
    }
  }
  return placed;
}

// The direction words' polarity, added up: "lower is better" against "higher ... better" is one
// flip (reversed), against "higher ... worse" two (the same claim).
function directionReversed(claim: ClauseClaim, placed: Placed[], ix: AnswerIndex): boolean {
  const { tokens, headOf, clause } = ix.analyzed;
  let parity = 0;
  for (const t of claim.pattern.terms) if (claim.directions.has(t.term)) parity += (t.heads > 0 ? 1 : 0) + (t.inherentNeg ? 1 : 0);
  for (const { index, flip } of placed) {
    const negated = (headOf[index] ?? []).some((n) => clause[n] === clause[index]);
    parity += (negated ? 1 : 0) + ((tokens[index] as Token).inherentNeg ? 1 : 0) + (flip ? 1 : 0);
  }
  return parity % 2 === 1;
}

function otherNames(claim: ClauseClaim, ix: AnswerIndex, clause: number): string[] {
  if (claim.others.size === 0) return [];
  const { tokens, clause: clauseOf, content } = ix.analyzed;
  return [...new Set(packedMap(content.filter((i) => clauseOf[i] === clause && claim.others.has((tokens[i] as Token).term)), (i) => (tokens[i] as Token).term))];
}

// A claim whose only direction is a negation ("never sees real data", "two unpaired collections"):
// reversed when one side is negated and the other is not. "No encoder and no likelihood" is one
// negation, not two that cancel.
function negationReversed(claim: ClauseClaim, match: PatternMatch, ix: AnswerIndex): boolean {
  const { tokens, headOf, isNegator, clause } = ix.analyzed;
  // "unpaired" against "paired" is the same word, reversed; against "pair" or "condition" for
  // "unconditional", the words may differ more than the claims do.
  if (match.chosen.some(({ t, c }) => t.inherentNeg !== (tokens[c.index] as Token).inherentNeg && !sameWord(t.norm, (tokens[c.index] as Token).norm))) return false;
  const claimNegated = claim.negators > 0 || match.chosen.some(({ t }) => t.inherentNeg);
  const indices = packedMap(match.chosen, ({ c }) => c.index);
  const [first, last] = [Math.min(...indices), Math.max(...indices)];
  let answerNegated = indices.some((i) => (headOf[i] ?? []).some((n) => clause[n] === clause[i]) || (tokens[i] as Token).inherentNeg);
  for (let i = first; i <= last && !answerNegated; i += 1) answerNegated = isNegator[i] ?? false;
  // An opposite among the words ("positive" for "negative") turns it round once more.
  const flips = countWhere(match.chosen, ({ c }) => c.flip);
  return (Number(claimNegated) + Number(answerNegated) + flips) % 2 === 1;
}

const sameWord = (a: string, b: string): boolean => a.replace(NEGATING_PREFIX, '') === b.replace(NEGATING_PREFIX, '');
const NEGATING_PREFIX = /^(?:un|non-?|in|im|ir|il|dis)(?=[a-z]{3})/;

/** Words that make a clause a supposition, not a claim: "otherwise they grow with the dimension". */
const HYPOTHETICAL = new Set(['if', 'otherwise', 'unless', 'else', 'would', 'whether', 'suppose', 'imagine']);
const CONDITIONAL = new Set([...HYPOTHETICAL, 'when', 'whenever']);
const CONTRAST = new Set(['unlike', 'instead', 'rather', 'versus', 'vs']);

function isHypothetical(ix: AnswerIndex, clause: number): boolean {
  return hasWordIn(ix.analyzed, clause, HYPOTHETICAL);
}

function isConditional(a: AnalyzedText, clause: number): boolean {
  return hasWordIn(a, clause, CONDITIONAL);
}

function hasWordIn(a: AnalyzedText, clause: number, words: ReadonlySet<string>): boolean {
  for (let i = 0; i < a.tokens.length; i += 1) if (a.clause[i] === clause && words.has((a.tokens[i] as Token).norm)) return true;
  return false;
}

// A clause that states the claim the right way round cancels a reversed one when it is about the
// same named things (or, for a claim that names nothing, shares a word with it).
function restates(right: Hit, reversed: Hit): boolean {
  // A claim moved to another thing is outweighed by the claim said of its own thing.
  if (reversed.moved) return !right.moved;
  if (reversed.names.size > 0) return [...reversed.names].every((n) => right.names.has(n));
  return [...reversed.anchors].some((t) => right.anchors.has(t));
}
