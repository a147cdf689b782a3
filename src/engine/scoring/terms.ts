// Turns raw tokens into terms: irregular forms to their base, Porter stems, abbreviations and
// multi-word names collapsed to one term, synonyms to one canonical term, and the polarity a word
// carries in itself ("disconnected" is "connected", negated).
import { stemmer } from 'stemmer';
import { IRREGULAR_FORMS, STEM_EXCEPTIONS_MAP } from './lexicon/irregular-forms.js';
import { PHRASES } from './lexicon/phrases.js';
import { STOP_WORDS } from './lexicon/stop-words.js';
import { ANTONYM_PAIRS, DIRECTION_PAIRS, NEGATED_FORMS, SYNONYM_GROUPS } from './lexicon/synonyms.js';
import { WORDNET_ANTONYMS, WORDNET_SYNONYMS } from './lexicon/wordnet.generated.js';
import { tokenize, type RawToken } from './tokenize.js';
import { packedMap } from './stable-arrays.js';

/** A token with its matching term. `term` is what two texts compare on. */
export interface Token extends RawToken {
  /** Stem before synonyms, for spelling-tolerant comparison. */
  stem: string;
  term: string;
  /** A function word: skipped by matching, counted for sentence structure. */
  stop: boolean;
  /** The word negates itself: "incomplete", "non-zero", "unsupervised". */
  inherentNeg: boolean;
}

/** Stem of one word after irregular forms ("left" -> "leav", "bigger" -> "big"). */
export function stemWord(norm: string): string {
  const cached = stemCache.get(norm);
  if (cached !== undefined) return cached;
  const base = IRREGULAR_FORMS.get(norm) ?? norm;
  const stem = STEM_EXCEPTIONS_MAP.get(base) ?? (/^\d/.test(base) ? base : stemmer(base));
  // Bounded: answers bring unbounded vocabularies (typos, names) into a long-running server.
  if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
  stemCache.set(norm, stem);
  return stem;
}

const STEM_CACHE_SIZE = 50_000;
const stemCache = new Map<string, string>();

interface Lexicon {
  synonyms: Map<string, string>;
  antonyms: Map<string, Set<string>>;
  negatedForms: Map<string, string>;
  /** First stem of a phrase -> phrases starting with it (stems), longest first. */
  phrases: Map<string, { stems: string[]; term: string }[]>;
  /** WordNet: term -> terms of its synonyms (weaker evidence than the same word). */
  related: Map<string, Set<string>>;
  /** Terms that give a claim its direction ("higher", "minimise", "frozen") -> their opposites. */
  directions: Map<string, Set<string>>;
  /** What a word's spelling alone decides (wordInfo), by spelling; bounded like the stem cache. */
  words: Map<string, WordInfo>;
}

/** A word's stem, term and polarity and the phrases that may start with it: all decided by its spelling. */
interface WordInfo {
  stem: string;
  term: string;
  stop: boolean;
  inherentNeg: boolean;
  phrases: { stems: string[]; term: string }[] | undefined;
}

/**
 * The lexicon's reading of one spelling, looked up once per word of an answer instead of six
 * times (stop words, stem cache twice, negated forms, synonyms, phrases): those lookups, each
 * hashing or comparing the word's fresh string, were the tokenizer's hottest lines.
 */
function wordInfo(norm: string, lex: Lexicon): WordInfo {
  let info = lex.words.get(norm);
  if (info) return info;
  const stem = stemWord(norm);
  const negated = lex.negatedForms.get(stem);
  info = negated
    ? { stem, term: negated, stop: false, inherentNeg: true, phrases: lex.phrases.get(stem) }
    : { stem, term: lex.synonyms.get(stem) ?? stem, stop: STOP_WORDS.has(norm), inherentNeg: false, phrases: lex.phrases.get(stem) };
  if (lex.words.size >= STEM_CACHE_SIZE) lex.words.clear();
  lex.words.set(norm, info);
  return info;
}

let lexicon: Lexicon | undefined;

function getLexicon(): Lexicon {
  lexicon ??= buildLexicon();
  return lexicon;
}

function buildLexicon(): Lexicon {
  const synonyms = new Map<string, string>();
  for (const group of SYNONYM_GROUPS) {
    const canonical = stemWord(group[0] ?? '');
    for (const word of group) synonyms.set(stemWord(word), canonical);
  }
  const phrases = new Map<string, { stems: string[]; term: string }[]>();
  for (const [term, forms] of PHRASES) {
    synonyms.set(term, term);
    for (const form of forms) {
      const stems = packedMap(tokenize(form).filter((t) => t.kind !== 'punct'), (t) => stemWord(t.norm));
      if (stems.length === 1) synonyms.set(stems[0] ?? '', term);
      else if (stems.length > 1) {
        const list = phrases.get(stems[0] ?? '') ?? [];
        list.push({ stems, term });
        phrases.set(stems[0] ?? '', list);
      }
    }
  }
  for (const list of phrases.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  const canon = (word: string): string => synonyms.get(stemWord(word)) ?? stemWord(word);
  const antonyms = new Map<string, Set<string>>();
  for (const [left, right] of ANTONYM_PAIRS) {
    const [a, b] = [canon(left), canon(right)];
    antonyms.set(a, (antonyms.get(a) ?? new Set()).add(b));
    antonyms.set(b, (antonyms.get(b) ?? new Set()).add(a));
  }
  const negatedForms = new Map<string, string>();
  for (const [form, base] of NEGATED_FORMS) negatedForms.set(stemWord(form), canon(base));
  const byStem = (stem: string): string => synonyms.get(stem) ?? stem;
  const related = new Map<string, Set<string>>();
  for (const [stem, others] of decodeLexicon(WORDNET_SYNONYMS)) {
    const term = byStem(stem);
    const set = related.get(term) ?? new Set<string>();
    for (const other of others) if (byStem(other) !== term) set.add(byStem(other));
    related.set(term, set);
  }
  if (TUNING_FLAGS.wordnetAntonyms) {
    for (const [stem, others] of decodeLexicon(WORDNET_ANTONYMS)) {
      const term = byStem(stem);
      for (const other of others) {
        const o = byStem(other);
        if (o === term) continue;
        antonyms.set(term, (antonyms.get(term) ?? new Set()).add(o));
        antonyms.set(o, (antonyms.get(o) ?? new Set()).add(term));
      }
    }
  }
  const directions = new Map<string, Set<string>>();
  for (const [left, right] of DIRECTION_PAIRS) {
    const [a, b] = [canon(left), canon(right)];
    directions.set(a, (directions.get(a) ?? new Set()).add(b));
    directions.set(b, (directions.get(b) ?? new Set()).add(a));
  }
  return { synonyms, antonyms, negatedForms, phrases, related, directions, words: new Map() };
}

function decodeLexicon(encoded: string): [string, string[]][] {
  if (!encoded) return [];
  return packedMap(encoded.split(';'), (entry) => {
    const [key, values] = entry.split(':');
    return [key ?? '', (values ?? '').split(',').filter(Boolean)];
  });
}

/** Switches read when the lexicon is first built (the fitting script flips them to measure). */
export const TUNING_FLAGS = { wordnetAntonyms: false, wordnetSynonyms: false };

/** Resets the lexicon so that a change of TUNING_FLAGS takes effect (measurement scripts only). */
export function resetLexicon(): void {
  lexicon = undefined;
}

const NO_RELATED: ReadonlySet<string> = new Set();

/** WordNet synonyms of a term as evidence for key points (off unless TUNING_FLAGS.wordnetSynonyms). */
export function relatedTerms(term: string): ReadonlySet<string> {
  if (!TUNING_FLAGS.wordnetSynonyms) return NO_RELATED;
  return getLexicon().related.get(term) ?? NO_RELATED;
}

/** WordNet synonyms of a term, as terms ("unlimited" -> "limitless", "infinite"...), always on. */
export function synonymTerms(term: string): ReadonlySet<string> {
  return getLexicon().related.get(term) ?? NO_RELATED;
}

/** True for a term that stands for a listed abbreviation or multi-word name ("emd", "kl", "lora"). */
export function isPhraseTerm(term: string): boolean {
  return PHRASES.has(term);
}

const NO_ANTONYMS: ReadonlySet<string> = new Set();

/** The listed opposites of a term ("connect" -> {"separ"}). */
export function antonymsOf(term: string): ReadonlySet<string> {
  return getLexicon().antonyms.get(term) ?? NO_ANTONYMS;
}

/** True for a term that gives a claim its direction and has a listed opposite ("high", "frozen"). */
export function isDirectionTerm(term: string): boolean {
  return getLexicon().directions.has(term);
}

/** The opposite directions of a direction term ("low" -> {"high", "upper"}). */
export function oppositeDirections(term: string): ReadonlySet<string> {
  return getLexicon().directions.get(term) ?? NO_ANTONYMS;
}

/** Tokenizes and maps every token to its term; multi-word names become one token. */
export function toTerms(text: string): Token[] {
  const raw = tokenize(text);
  const lex = getLexicon();
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const token = raw[i] as RawToken;
    const phrase = token.kind === 'word' ? matchPhrase(raw, i, lex) : undefined;
    if (phrase) {
      const last = raw[i + phrase.length - 1] as RawToken;
      out.push(makeToken(token, phrase.term, phrase.term, false, false, token.start, last.end));
      i += phrase.length - 1;
      continue;
    }
    out.push(toToken(token, raw[i - 1], raw[i + 1], lex));
  }
  return mergeNonPrefix(out);
}

function matchPhrase(raw: RawToken[], i: number, lex: Lexicon): { term: string; length: number } | undefined {
  const first = raw[i] as RawToken;
  const candidates = wordInfo(first.norm, lex).phrases;
  if (!candidates) return undefined;
  for (const { stems, term } of candidates) {
    const ok = stems.every((stem, k) => {
      const t = raw[i + k];
      return t !== undefined && t.kind !== 'punct' && stemWord(t.norm) === stem;
    });
    if (ok) return { term, length: stems.length };
  }
  return undefined;
}

// Built field by field: in Node 20's V8, `{ ...token, stem, term }` takes a slow path (about 0.7 us
// per added field, and garbage), and every word of every answer passes through here.
function makeToken(raw: RawToken, stem: string, term: string, stop: boolean, inherentNeg: boolean, start = raw.start, end = raw.end): Token {
  return { norm: raw.norm, start, end, kind: raw.kind, stem, term, stop, inherentNeg };
}

function toToken(token: RawToken, prev: RawToken | undefined, next: RawToken | undefined, lex: Lexicon): Token {
  if (token.kind === 'punct') return makeToken(token, token.norm, token.norm, true, false);
  if (token.kind === 'number') {
    const norm = token.norm.replace(/%$/, '');
    return makeToken(token, norm, norm, false, false);
  }
  if (token.norm.length === 1) return letterToken(token, prev, next);
  const { stem, term, stop, inherentNeg } = wordInfo(token.norm, lex);
  return makeToken(token, stem, term, stop, inherentNeg);
}

const ENTITY_PREV = new Set(['bulb', 'bulbs', 'switch', 'switches', 'terminal', 'terminals', 'point', 'option', 'choice', 'between', 'circuit', 'wire']);
const ENTITY_NEXT = new Set(['and', 'or', ',', '.', 'is', 'was', 'are', 'were', 'has', 'would', 'will', 'and']);

// Single letters name things ("bulbs A and C", "switch Y"); "a" is one only where an article can't be.
function letterToken(token: RawToken, prev: RawToken | undefined, next: RawToken | undefined): Token {
  const article = token.norm === 'a' && !ENTITY_PREV.has(prev?.norm ?? '') && next !== undefined && !ENTITY_NEXT.has(next.norm);
  const stop = article || token.norm === 'i' || token.norm === 's';
  return makeToken(token, token.norm, token.norm, stop, false);
}

// "non-zero" / "non linear": drop "non" and negate the word it prefixes.
function mergeNonPrefix(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    if (token.norm === 'non' && next && next.kind !== 'punct') {
      out.push(makeToken(next, next.stem, next.term, false, !next.inherentNeg, token.start, next.end));
      i += 1;
    } else out.push(token);
  }
  return out;
}
