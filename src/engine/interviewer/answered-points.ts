// Which key points an answer already dealt with, so a follow-up never asks for what was just said.
// The evaluation's "covered" counts first; on top, two checks that do not depend on the scorer having
// understood: a formula whose symbols name the point's quantities (`eps = eps_uncond + w * (eps_cond
// - eps_uncond)`), and a clause that answers what the point's follow-up asks about ("only A and B get
// gradients" answers "which parameters are updated").
import type { KeyPoint, Question } from '../bank/schema.js';
import { STOP_WORDS } from '../scoring/lexicon/stop-words.js';
import type { KeyPointResult } from '../scoring/types.js';

/** Ids of the key points the answer covered or visibly addressed (never a contradicted one). */
export function answeredPoints(question: Question, answer: string, results: readonly KeyPointResult[]): Set<string> {
  const byId = new Map<string, KeyPointResult>();
  for (const r of results) byId.set(r.id, r);
  const done = new Set<string>();
  const byFormula = formulaPoints(question, formulasIn(answer));
  const clauses = clausesOf(answer);
  for (const kp of question.keyPoints) {
    const result = byId.get(kp.id);
    if (result?.negated) continue;
    if (result?.status === 'covered') done.add(kp.id);
    else if (byFormula.has(kp.id) || answersTheProbe(kp, question, clauses, result)) done.add(kp.id);
  }
  return done;
}

const words = (text: string): string[] => text.toLowerCase().match(/[a-z][a-z0-9]*/g) ?? [];

// An expression: something = something with at least one operator on the right.
// It ends at the end of its sentence (a full stop not inside a number), a semicolon or a line break.
const FORMULA_RE = /[\p{L}_][\p{L}\p{N}_']*(?:\([^)]*\))?\s*=\s*[^=\n.;]*?[-+*/^·×](?:[^\n;.]|\.(?=\d))*/gu;

// Arrays pushed into or made by packedMap stay packed however the caller runs (stable-arrays.ts).
function formulasIn(answer: string): string[][] {
  const formulas: string[][] = [];
  for (const m of answer.matchAll(FORMULA_RE)) {
    const symbols: string[] = [];
    for (const part of m[0].split(/[^\p{L}\p{N}]+|_/u)) {
      const s = part.toLowerCase();
      if (s !== '' && !STOP_WORDS.has(s)) symbols.push(s);
    }
    formulas.push(symbols);
  }
  return formulas;
}

/** The vocabulary a key point is asked and stated in: statement, cues and its follow-up prompts. */
function pointWords(kp: KeyPoint, question: Question): Set<string> {
  const probes = question.followUps.filter((f) => f.target === kp.id).map((f) => f.prompt);
  return new Set(words([kp.statement, ...kp.cues, ...probes].join(' ')));
}

// A symbol names a word when it is the word, or a clear abbreviation of it ("uncond", "eps"); single
// letters count only when the point itself uses that letter as a symbol ("w times the difference").
function symbolNames(symbol: string, vocabulary: Set<string>): boolean {
  if (vocabulary.has(symbol)) return true;
  if (symbol.length < 3) return false;
  for (const word of vocabulary) if (word.length > symbol.length && word.startsWith(symbol)) return true;
  return false;
}

// A formula states one point: the one whose words its symbols name most (two at least). Points that
// merely share a symbol with it (the "unconditional branch" of a cost point) are not credited.
function formulaPoints(question: Question, formulas: string[][]): Set<string> {
  const points = new Set<string>();
  if (formulas.length === 0) return points;
  const vocabularies = question.keyPoints.map((kp) => ({ id: kp.id, words: pointWords(kp, question) }));
  for (const symbols of formulas) {
    const hits = vocabularies.map(({ id, words }) => ({ id, n: new Set(symbols.filter((s) => symbolNames(s, words))).size }));
    const best = Math.max(0, ...hits.map((h) => h.n));
    const winners = hits.filter((h) => h.n === best);
    if (best >= 2 && winners.length === 1 && winners[0]) points.add(winners[0].id);
  }
  return points;
}

/** What a follow-up asks about, and the words that answer it. Word stems, matched as prefixes. */
const ASKED_ABOUT: readonly { asks: readonly string[]; answers: readonly string[] }[] = [
  // "Which parameters are updated?" is answered by saying what gets trained or gets gradients.
  { asks: ['updat', 'trained', 'train', 'learn'], answers: ['updat', 'train', 'gradient', 'learn', 'optimi', 'tune', 'tuning'] },
  // "What stays fixed?" is answered by saying what is frozen.
  { asks: ['frozen', 'freez', 'fixed'], answers: ['frozen', 'freez', 'fixed', 'untouched', 'unchanged'] },
  // "How are the two combined?" is answered by saying how they are mixed.
  { asks: ['combin', 'mix', 'merg'], answers: ['combin', 'mix', 'merg', 'plus', 'weighted', 'extrapolat', 'interpolat', 'sum'] },
];

const hasStem = (ws: readonly string[], stems: readonly string[]): boolean => ws.some((w) => stems.some((s) => w.startsWith(s)));

function clausesOf(answer: string): string[][] {
  const clauses: string[][] = [];
  for (const part of answer.split(/[.;!?\n]+/)) {
    const ws = words(part);
    if (ws.length > 0) clauses.push(ws);
  }
  return clauses;
}

// Only for a point the answer already touched ("partly"): its probe asks about a relation, and some
// clause states that relation with a restricting or specific word ("only", "just", a named part).
function answersTheProbe(kp: KeyPoint, question: Question, clauses: string[][], result: KeyPointResult | undefined): boolean {
  if (result?.status !== 'partly') return false;
  const probes = question.followUps.filter((f) => f.target === kp.id).map((f) => words(f.prompt));
  if (probes.length === 0) return false;
  return probes.every((probe) =>
    ASKED_ABOUT.some(({ asks, answers }) => hasStem(probe, asks) && clauses.some((c) => hasStem(c, answers) && c.some((w) => w === 'only' || w === 'just'))),
  );
}
