// What the scorer knows about a question before it sees an answer: the question's own terms,
// and one variant per reference answer (or one for the bank's key points), each with compiled
// key points and vocabulary. Built once per question and cached, so scoring many answers to one
// question does not re-stem its cues.
import type { KeyPoint } from '../bank/schema.js';
import { analyzeText, contentTerms } from './analyze-text.js';
import { compileClauseClaims, namesIn, type ClauseClaim } from './clause-claims.js';
import { coordinatedRoles } from './roles.js';
import { deriveKeyPoints } from './derive-key-points.js';
import { contradictionSources } from './key-point-match.js';
import { LIGHT_VERBS } from './negation.js';
import { indexAnswer } from './pattern-match.js';
import { compilePattern, type Pattern, type TermWeigher } from './pattern.js';
import type { Token } from './terms.js';
import { TUNING } from './tuning.js';
import { packedMap } from './stable-arrays.js';

export interface CompiledKeyPoint {
  keyPoint: KeyPoint;
  /** The bank's cues; empty for derived key points, which match on their statement. */
  cues: Pattern[];
  statement: Pattern;
  /** The statement's clauses that carry a direction (clause-claims.ts); none for derived key points. */
  claims: ClauseClaim[];
  /** Parts the statement names side by side as sharing its claim ("discriminator as well as the generator"). */
  conjuncts: string[];
  derived: boolean;
  /** Per cue: every word of it is in the question, so saying it back is no evidence ("FID"). */
  cueEchoes: boolean[];
  /** The question's terms: a word of the question supports no claim. */
  questionTerms: ReadonlySet<string>;
  /**
   * Contradiction rules that fire on the reference answer itself (whole, or either half). The reference is true by definition, so a rule that reads it as the opposite
   * misfires on this point's wording and is not trusted for it.
   */
  distrust: ContradictionSources;
}

/** Which parts of a key point read an answer as contradicting it. */
export interface ContradictionSources {
  statement: boolean;
  /** Indices into `cues`. */
  cues: Set<number>;
  swap: boolean;
  /** A clause of the answer states the reverse of a clause claim. */
  clauses: boolean;
  /** The answer denies one of the parts the point gives its claim to, or gives it to one alone. */
  conjunct: boolean;
}

export interface Variant {
  keyPoints: CompiledKeyPoint[];
  /** Terms of the reference(s), cues and statements: what an on-topic answer draws on. */
  vocabulary: Set<string>;
  /**
   * Terms of the references and key point statements, without the cues: what the off-topic check
   * compares with. The cues hold many paraphrases of general words ("distance", "closer"), which
   * let an answer about another topic look related.
   */
  topicVocabulary: Set<string>;
  /** Content words of the reference, for the expected length of an answer. */
  referenceLength: number;
}

export interface QuestionModel {
  questionTerms: Set<string>;
  variants: Variant[];
}

export interface QuestionInput {
  question: string;
  reference: string | string[];
  keyPoints?: KeyPoint[];
}

const MAX_CACHED = 512;
const cache = new Map<string, QuestionModel>();
const keyPointIds = new WeakMap<readonly KeyPoint[], string>();

interface KnownQuestion {
  question: string;
  reference: string | string[];
  model: QuestionModel;
}

/**
 * Models by the key point array they were built from. A bank question passes the same array on
 * every turn (and the quote checks ask for its model again), so it is found by identity without
 * building and hashing the cache key, prompt and reference joined (2% of a turn's scoring).
 */
let byKeyPoints = new WeakMap<readonly KeyPoint[], KnownQuestion>();

/** The model of a question, from the cache when the same question was seen recently. */
export function getQuestionModel(input: QuestionInput): QuestionModel {
  const known = input.keyPoints && byKeyPoints.get(input.keyPoints);
  if (known && known.question === input.question && sameReference(known.reference, input.reference)) return known.model;
  const key = cacheKey(input);
  let model = cache.get(key);
  if (model) cache.delete(key);
  else {
    model = buildQuestionModel(input);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, model);
  if (input.keyPoints) byKeyPoints.set(input.keyPoints, { question: input.question, reference: input.reference, model });
  return model;
}

function sameReference(a: string | string[], b: string | string[]): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((ref, i) => ref === b[i]);
}

/** Empties the cache (after changing tuning constants that compiled patterns depend on). */
export function clearQuestionCache(): void {
  cache.clear();
  byKeyPoints = new WeakMap();
}

function cacheKey(input: QuestionInput): string {
  const refs = Array.isArray(input.reference) ? input.reference : [input.reference];
  let kp = '';
  if (input.keyPoints) {
    kp = keyPointIds.get(input.keyPoints) ?? JSON.stringify(input.keyPoints);
    keyPointIds.set(input.keyPoints, kp);
  }
  return `${input.question}\u0001${refs.join('\u0002')}\u0001${kp}`;
}

/** Builds the model of a question without the cache. */
export function buildQuestionModel(input: QuestionInput): QuestionModel {
  const questionText = analyzeText(input.question);
  const questionTerms = contentTerms(questionText);
  const questionWords = new Set(packedMap(questionText.content, (i) => questionText.tokens[i]?.norm ?? ''));
  const weigh: TermWeigher = {
    weight: (token: Token) =>
      questionTerms.has(token.term) ? TUNING.questionTermWeight : LIGHT_VERBS.has(token.norm) ? TUNING.lightVerbWeight : 1,
    implicit: (token: Token) => questionTerms.has(token.term) || token.kind === 'number' || token.norm.length === 1,
  };
  const refs = (Array.isArray(input.reference) ? input.reference : [input.reference]).filter((r) => r.trim() !== '');
  if (input.keyPoints && input.keyPoints.length > 0) {
    const questionNames = namesIn(questionText, questionTerms);
    return { questionTerms, variants: [buildVariant(input.keyPoints, false, refs, weigh, questionTerms, questionWords, questionNames)] };
  }
  const sources = refs.length > 0 ? refs : [''];
  const variants = packedMap(sources, (ref, i) => buildVariant(deriveKeyPoints(ref, sources.length > 1 ? i + 1 : undefined), true, [ref], weigh, questionTerms, questionWords));
  return { questionTerms, variants };
}

function buildVariant(
  keyPoints: KeyPoint[], derived: boolean, refs: string[], weigh: TermWeigher, questionTerms: Set<string>, questionWords: Set<string>,
  questionNames: ReadonlySet<string> = new Set(),
): Variant {
  const compiled = packedMap(keyPoints, (keyPoint) => {
    const cues = derived ? [] : packedMap(keyPoint.cues, (cue) => compilePattern(cue, { keepRepeats: true }));
    return {
      keyPoint,
      cues,
      statement: compilePattern(keyPoint.statement, { weigh }),
      // Bank key points only: a reference sentence split into derived points is not written as
      // one claim per clause, and on SemEval and SAF train the clause reading fired as often on
      // answers graded correct as on incorrect ones (beetle 7.4% / 7.7%, SAF 3.5% / 3.1%).
      claims: derived ? [] : compileClauseClaims(keyPoint.statement, questionTerms, questionNames),
      conjuncts: coordinatedRoles(keyPoint.statement),
      derived,
      cueEchoes: packedMap(cues, (cue) => cue.terms.length > 0 && cue.terms.every((t) => questionWords.has(t.norm))),
      questionTerms,
      distrust: { statement: false, cues: new Set<number>(), swap: false, clauses: false, conjunct: false },
    };
  });
  if (derived) reweighByContent(compiled);
  distrustSelfContradictions(compiled, refs);
  const vocabulary = new Set<string>();
  let referenceLength = 0;
  for (const ref of refs) {
    const a = analyzeText(ref);
    referenceLength += a.content.length;
    for (const term of a.byTerm.keys()) vocabulary.add(term);
  }
  for (const kp of compiled) for (const t of kp.statement.terms) vocabulary.add(t.term);
  const topicVocabulary = new Set(vocabulary);
  for (const kp of compiled) for (const cue of kp.cues) for (const t of cue.terms) vocabulary.add(t.term);
  if (referenceLength === 0) referenceLength = compiled.reduce((sum, kp) => sum + kp.statement.terms.length, 0);
  return { keyPoints: compiled, vocabulary, topicVocabulary, referenceLength };
}

// A derived key point weighs what its words weigh: "X." beside a two-clause explanation is a
// small part of the reference, not half of it.
function reweighByContent(compiled: CompiledKeyPoint[]): void {
  const total = compiled.reduce((sum, kp) => sum + kp.statement.total ** TUNING.derivedWeightPower, 0);
  if (total <= 0) return;
  for (const kp of compiled) kp.keyPoint = { ...kp.keyPoint, weight: kp.statement.total ** TUNING.derivedWeightPower / total };
}

// The reference and its halves are true statements: a rule that reads any of them as
// contradicting a key point misfires on that point's wording (a false "you said the opposite"
// costs a candidate more trust than a missed one), so that rule is switched off for the point.
function distrustSelfContradictions(compiled: CompiledKeyPoint[], refs: string[]): void {
  const probes = packedMap(refs.flatMap(referenceParts), (text) => indexAnswer(analyzeText(text)));
  for (const kp of compiled) {
    for (const ix of probes) {
      const fired = contradictionSources(kp, ix);
      kp.distrust.statement ||= fired.statement;
      kp.distrust.swap ||= fired.swap;
      kp.distrust.clauses ||= fired.clauses;
      kp.distrust.conjunct ||= fired.conjunct;
      for (const i of fired.cues) kp.distrust.cues.add(i);
    }
  }
}

function referenceParts(ref: string): string[] {
  const sentences = ref.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');
  if (sentences.length <= 1) return [ref];
  const half = Math.ceil(sentences.length / 2);
  return [ref, sentences.slice(0, half).join(' '), sentences.slice(half).join(' ')];
}
