// Decides, for one key point, covered / partly / missed with the answer spans that show it.
// Two routes, the better one counts: the key point's statement (the weighted share of its words
// the answer holds, question words counting less), and its cues. A cue found as a phrase is full
// evidence, a one-word cue or part of a phrase is partial, and evidence from different cues adds
// up: "covered" takes a phrase or two separate cues. A match whose polarity contradicts the key
// point counts for nothing and is marked negated.
import type { Evidence, KeyPointResult } from './types.js';
import type { Pattern } from './pattern.js';
import { matchPattern, type AnswerIndex, type PatternMatch } from './pattern-match.js';
import type { CompiledKeyPoint, ContradictionSources } from './question-model.js';
import { isDirectionTerm, isPhraseTerm, oppositeDirections, type Token } from './terms.js';
import { LIGHT_VERBS } from './negation.js';
import { deniedConjunct, isRoleTerm, readRoles, statesRoles, type RoleReading } from './roles.js';
import { clauseContradictions } from './clause-claims.js';
import { TUNING } from './tuning.js';
import { packedMap } from './stable-arrays.js';

/** A key point result plus the numbers the criteria need. */
export interface KeyPointOutcome {
  result: KeyPointResult;
  /** 0..1: how fully the answer makes the point. */
  score: number;
  contradicted: boolean;
  /**
   * Contradicted by a claim read whole (a reversed clause claim, swapped roles, a denied
   * conjunct), not by a negation near the point's words: a stated wrong fact, which costs the
   * answer more than the point (technical-criteria.ts).
   */
  reversed?: boolean;
  /** The rules that read the answer as contradicting the point (trusted or not). */
  sources: ContradictionSources;
}

/** Evidence from a one-word cue: alone it makes a point "partly"; with another cue, "covered". */
const SINGLE_CUE_CREDIT = 0.6;
/** Evidence from a multi-word cue of which only some words were found, per share found. */
const PARTIAL_CUE_CREDIT = 0.5;

interface CueEvidence {
  credit: number;
  /** The cue is one word (or one name): alone it is a mention, not a claim. */
  single?: boolean;
  match: PatternMatch;
  text: string;
}

/** Matches one compiled key point against an answer. */
export function matchKeyPoint(kp: CompiledKeyPoint, ix: AnswerIndex): KeyPointOutcome {
  const statement = matchPattern(kp.statement, ix);
  const sources: ContradictionSources = { statement: statement.contradicted && statement.raw >= TUNING.partly, cues: new Set<number>(), swap: false, clauses: false, conjunct: false };
  const against: PatternMatch[] = sources.statement && !kp.distrust.statement ? [statement] : [];
  const cues: CueEvidence[] = [];
  kp.cues.forEach((cue, i) => {
    if (kp.cueEchoes[i]) return;
    const match = matchPattern(cue, ix);
    // A cue reads as contradicted only when its words stand together as a phrase: "no gradient
    // through the sample" is not contradicted by "gradient ... variance ..., so a single sample".
    if (match.contradicted) {
      const reads = match.full && match.compact && !otherSide(kp, match, ix);
      if (reads) sources.cues.add(i);
      if (reads && !kp.distrust.cues.has(i)) against.push(match);
    } else if (match.full && match.compact) cues.push({ credit: cue.words > 1 || isNameCue(cue) ? 1 : SINGLE_CUE_CREDIT, match, text: cue.text, single: cue.words === 1 });
    // Part of a phrase counts only from two of its words: one generic word of it proves little.
    else if (match.tokens.length >= 2 && match.compact && match.coverage >= 0.5) cues.push({ credit: PARTIAL_CUE_CREDIT * match.coverage, match, text: cue.text });
  });
  limitLoneTerms(cues, statement, kp, ix);
  const cueRoute = addUpCues(cues);
  const useCues = cueRoute.score > statement.coverage;
  let stated = useCues ? cueRoute.score : statement.coverage;
  let strongSwap = false;
  if (stated >= TUNING.partly) {
    // A statement that places no roles reads no swap in any clause: its evidence is not read for one.
    const readings = !statesRoles(kp.statement) ? [] : packedMap(useCues ? packedMap(cueRoute.used, (c) => c.match) : [statement], (m) => ({ m, r: packedMap(clausesOf(m, ix), (c) => readRoles(kp.statement, ix.analyzed, c)) }));
    // Part of a cue ("inputs ... labels" of "maps inputs to labels") is too little to say who does what.
    const whole = new Set(useCues ? packedMap(cueRoute.used.filter((c) => c.credit >= SINGLE_CUE_CREDIT), (c) => c.match) : [statement]);
    const swapped = packedMap(readings.filter(({ m, r }) => whole.has(m) && r.some((x) => x.swap)), ({ m }) => m);
    // Evidence in a clause that puts the roles right outweighs evidence elsewhere that seems swapped
    // ("a discriminative model learns p(y|x), ..., and a generative model the joint of inputs and labels").
    // Evidence made of role names alone ("keys and values") shows where they stand, not what is said of them.
    const rightSomewhere = readings.some(({ m, r }) => r.some((x: RoleReading) => x.right) && m.chosen.some(({ t }) => !isRoleTerm(t.term)));
    sources.swap = swapped.length > 0 && !rightSomewhere;
    strongSwap = sources.swap && readings.some(({ r }) => r.some((x) => x.strong));
    if (sources.swap && !kp.distrust.swap) {
      against.push(...swapped);
      stated = 0;
    }
  }
  // A clause that reverses a directed claim of the point ("higher FID is better") is a wrong fact
  // stated, whatever right words stand elsewhere: the point gets nothing, as for a role swap.
  const reversedClauses = kp.claims.length > 0 ? clauseContradictions(kp.claims, ix) : [];
  sources.clauses = reversedClauses.length > 0;
  if (sources.clauses && !kp.distrust.clauses) {
    against.push(...reversedClauses);
    stated = 0;
  }
  // An answer that states the point and elsewhere its opposite keeps the point; one that only
  // contradicts it gets nothing for it, and the contradicting words are its evidence.
  // "The label is not given to the generator; only the discriminator gets it" against a point that
  // gives the condition to both: one part denied is the point denied.
  const denied = kp.conjuncts.length > 1 ? deniedConjunct(kp.conjuncts, pointWords(kp), ix.analyzed) : [];
  sources.conjunct = denied.length > 0;
  if (sources.conjunct && !kp.distrust.conjunct) {
    against.push(tokenMatch(denied, ix));
    stated = 0;
  }
  const negated = against.length > 0 && stated < TUNING.covered;
  const reversed = negated && ((strongSwap && !kp.distrust.swap) || (sources.clauses && !kp.distrust.clauses) || (sources.conjunct && !kp.distrust.conjunct));
  const score = negated ? 0 : stated;
  const status = score >= TUNING.covered ? 'covered' : score >= TUNING.partly ? 'partly' : 'missed';
  const support = negated ? against : useCues ? packedMap(cueRoute.used, (c) => c.match) : [statement];
  const matched = useCues ? packedMap(cueRoute.used, (c) => (c.credit >= SINGLE_CUE_CREDIT ? c.text : c.match.matched.join(' '))) : statement.matched;
  const { keyPoint } = kp;
  const shown = negated || status !== 'missed';
  return {
    score,
    contradicted: negated,
    reversed,
    sources,
    result: {
      id: keyPoint.id,
      statement: keyPoint.statement,
      weight: keyPoint.weight,
      status,
      evidence: shown ? evidenceOf(support, ix) : [],
      matched: shown && !negated ? [...new Set(matched)] : negated ? [...new Set(against.flatMap((m) => m.matched))] : [],
      negated,
    },
  };
}

/**
 * A cue turned round by an opposite word only ("adds noise step by step" against "remove noise
 * step by step"), in a clause that also holds the opposite of another direction word of the point
 * ("forward" where the point is about the "reverse" process): the clause speaks of the other side
 * of the contrast, and says nothing against this point.
 */
function otherSide(kp: CompiledKeyPoint, match: PatternMatch, ix: AnswerIndex): boolean {
  if (!match.chosen.some(({ c }) => c.flip)) return false;
  const { tokens, clause, headOf } = ix.analyzed;
  if (match.tokens.some((i) => (headOf[i]?.length ?? 0) > 0)) return false;
  const directions = new Set([kp.statement, ...kp.cues].flatMap((p) => packedMap(p.terms, (t) => t.term)).filter(isDirectionTerm));
  const clauses = new Set(packedMap(match.tokens, (i) => clause[i]));
  return tokens.some((t, i) => clauses.has(clause[i]) && !match.tokens.includes(i) && [...directions].some((d) => oppositeDirections(d).has(t.term)));
}

// The point's own words, roles and the question's words aside: what a sentence must say to be about it.
function pointWords(kp: CompiledKeyPoint): Set<string> {
  return new Set([kp.statement, ...kp.cues].flatMap((p) => packedMap(p.terms, (t) => t.term)).filter((t) => !isRoleTerm(t) && !kp.questionTerms.has(t)));
}

// Answer tokens as a match, for evidence and the "you said" of the feedback.
function tokenMatch(tokens: number[], ix: AnswerIndex): PatternMatch {
  const { analyzed } = ix;
  const matched = packedMap(tokens, (i) => analyzed.text.slice(analyzed.tokens[i]?.start ?? 0, analyzed.tokens[i]?.end ?? 0));
  return { coverage: 0, raw: 0, contradicted: true, full: true, compact: true, tokens, matched, chosen: [] };
}

// Content tokens of each clause that holds at least two words of a match (or its only word):
// roles are read clause by clause, so "the value is compared with the queries, ..., the sum of
// the keys" is two swaps, not one list of roles.
function clausesOf(match: PatternMatch, ix: AnswerIndex): number[][] {
  const { clause, content } = ix.analyzed;
  const counts = new Map<number, number>();
  for (const index of match.tokens) counts.set(clause[index] ?? 0, (counts.get(clause[index] ?? 0) ?? 0) + 1);
  const wanted = packedMap([...counts].filter(([, count]) => count >= Math.min(2, match.tokens.length)), ([c]) => c);
  return packedMap(wanted, (c) => content.filter((index) => clause[index] === c));
}

/**
 * A name on its own ("RL", "PPO") is not a claim: a one-word cue counts in full only when its
 * clause says something more about it (another word of the key point, or any word of substance
 * that is not the question's and not vague: "maybe something with RL" says nothing). Otherwise
 * it is a mention, partial credit.
 */
function limitLoneTerms(cues: CueEvidence[], statement: PatternMatch, kp: CompiledKeyPoint, ix: AnswerIndex): void {
  // Most key points have no such cue: nothing to build.
  if (!cues.some((cue) => cue.single && cue.match.tokens.length === 1 && cue.credit > SINGLE_CUE_CREDIT)) return;
  const { tokens, sentence, clause, content } = ix.analyzed;
  const related = new Set<number>(statement.tokens);
  for (const cue of cues) for (const index of cue.match.tokens) related.add(index);
  const substantive = (index: number): boolean => {
    const token = tokens[index] as Token;
    return !kp.questionTerms.has(token.term) && !VAGUE.has(token.norm) && !LIGHT_VERBS.has(token.norm);
  };
  for (const cue of cues) {
    if (!cue.single || cue.match.tokens.length !== 1 || cue.credit <= SINGLE_CUE_CREDIT) continue;
    const own = cue.match.tokens[0] as number;
    const supported =
      [...related].some((index) => index !== own && sentence[index] === sentence[own] && substantive(index)) ||
      content.some((index) => index !== own && clause[index] === clause[own] && !related.has(index) && substantive(index) && !cueLike(cues, index));
    if (!supported) cue.credit = SINGLE_CUE_CREDIT;
  }
}

const cueLike = (cues: CueEvidence[], index: number): boolean => cues.some((c) => c.match.tokens.includes(index));

/** Words that say nothing about a thing they stand next to. */
const VAGUE = new Set([
  'maybe', 'perhaps', 'probably', 'possibly', 'think', 'guess', 'something', 'stuff', 'part', 'thing', 'involved',
  'related', 'somehow', 'whatever', 'etc', 'certain', 'general', 'usually', 'later', 'step', 'bit', 'aspect',
]);

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
  // Sorted, each index once (an array sorted and read past repeats, not a Set copied and sorted).
  const indices: number[] = [];
  for (const m of matches) {
    for (const i of m.tokens) {
      indices.push(i);
      for (const negator of headOf[i] ?? []) indices.push(negator);
    }
  }
  indices.sort((a, b) => a - b);
  const spans: Evidence[] = [];
  const substantial: boolean[] = [];
  let last = -1;
  for (let k = 0; k < indices.length; k += 1) {
    const index = indices[k] as number;
    if (k > 0 && index === indices[k - 1]) continue;
    const token = tokens[index];
    if (!token) continue;
    const open = spans[spans.length - 1];
    if (open && last >= 0 && gap(ix, last, index) <= 3 && clause[index] === clause[last]) {
      open.end = token.end;
      substantial[spans.length - 1] ||= carriesContent(token);
    } else {
      spans.push({ start: token.start, end: token.end, text: '' });
      substantial.push(carriesContent(token));
    }
    last = index;
  }
  // A quote of "N", "0" or "k" alone shows the candidate nothing: spans need a real word or number.
  const shown = spans.filter((_, i) => substantial[i]);
  for (const span of shown) span.text = text.slice(span.start, span.end);
  return shown;
}

function carriesContent(token: Token): boolean {
  return token.kind === 'number' ? token.norm.replace(/[^0-9a-z]/g, '').length >= 2 : token.end - token.start >= 2 && !token.stop;
}

// Content words between two tokens (negators are not in the content ranking).
function gap(ix: AnswerIndex, from: number, to: number): number {
  let count = 0;
  for (let i = from + 1; i < to; i += 1) if ((ix.rank[i] ?? -1) >= 0) count += 1;
  return count;
}

/** The contradiction rules that fire for a key point on an answer, before any is distrusted. */
export function contradictionSources(kp: CompiledKeyPoint, ix: AnswerIndex): ContradictionSources {
  return matchKeyPoint({ ...kp, distrust: { statement: false, cues: new Set<number>(), swap: false, clauses: false, conjunct: false } }, ix).sources;
}
