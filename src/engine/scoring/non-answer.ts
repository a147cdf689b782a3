// Recognises an answer that declines to answer ("I'd have to look that up", "that's beyond what I've
// covered", "no clue, sorry") by what it means, not by a list of phrases: it speaks about the
// speaker, about knowing or having learnt something, in a limiting way (a negation, "outside",
// "beyond", a conditional "I'd have to"), and it says next to nothing about the subject itself.
import type { AnalyzedText } from './analyze-text.js';
import { LIGHT_VERBS } from './negation.js';
import { stemWord, type Token } from './terms.js';
import { itemAt, packedMap } from './stable-arrays.js';

/** Words about the speaker: the answer talks about me, not about the topic. */
const SELF = new Set(['i', 'me', 'my', 'myself', 'mine', "i'm", "i've", "i'd", "i'll"]);

/**
 * Words about knowing, learning, meeting or handling a subject (compared by stem). A reply that
 * says one of them in a limiting way about the speaker is about the speaker's knowledge.
 */
const KNOWING_WORDS = `know knowledge familiar work cover study learn learnt heard hear sure certain remember recall forgot
forget idea clue guess experience expertise area field come across seen see look read encounter explore answer say
explain understand understood grasp confident comfortable topic domain background pass skip wing bluff speak tell help
dunno idk clueless unsure fuzzy rusty hazy vague story share example anecdote situation make invent try deal toolbox
mind blank draw memory research check stump lookup`;

let knowingStems: Set<string> | undefined;
const knowingSet = (): Set<string> => (knowingStems ??= new Set(packedMap(KNOWING_WORDS.split(/\s+/), stemWord)));

/** Words that limit: negations, "outside", "beyond", a conditional or a confession. */
const LIMITING = new Set([
  'not', 'no', 'never', 'nor', 'nothing', 'none', 'outside', 'beyond', 'without', 'unfortunately', 'sorry',
  'afraid', 'honestly', 'pass', 'skip', 'haven', 'unsure', 'guessing', 'guess', 'clueless', 'dunno', 'idk', 'yet',
  'fuzzy', 'rusty', 'hazy', 'vague', 'little', 'limited', 'blank', 'gone',
]);

/** Words about the moment or the conversation, not the subject. */
const FILLER = new Set([
  'now', 'right', 'today', 'moment', 'time', 'currently', 'honestly', 'upfront', 'question', 'good', 'great', 'hmm',
  'please', 'later', 'notes', 'list', 'things', 'one', 'sorry', 'properly', 'enough', 'anything', 'useful', 'real',
]);


export interface NonAnswerInput {
  answer: AnalyzedText;
  /** How much a content term says about the subject: 0 for the question's own words. */
  weigh: (term: string) => number;
}

/**
 * True when the answer declines to answer: it admits, about the speaker, not knowing (a word of
 * knowing in the reach of a limiting word, or said as a conditional "I'd have to ...", or a word
 * that is an admission by itself) and has next to nothing about the subject beyond the question's
 * own words.
 */
export function declinesToAnswer({ answer, weigh }: NonAnswerInput): boolean {
  let words = 0;
  for (const t of answer.tokens) if (t.kind === 'word') words += 1;
  if (words === 0) return false;
  if (!admitsNotKnowing(answer, HYPOTHETICAL.test(answer.text))) return false;
  // A few words with nothing about the subject ("no clue, sorry") need not name the speaker; any
  // other reply must be about them ("the battery will not work" is an answer).
  const self = answer.tokens.some((t) => SELF.has(t.norm));
  const said = substance(answer, weigh);
  if (!self && (words > SHORT_REPLY || said > 0)) return false;
  return said <= MAX_SUBSTANCE;
}

const HYPOTHETICAL = /\bi'd\b|\bi\u2019d\b|\bi (?:would|will|could|might) (?:have|need|be|only)\b/i;

/** Up to this many words, a reply need not say "I" to be about the speaker. */
const SHORT_REPLY = 5;
/** Content about the subject a declined answer may still hold: one topical word, or a few others. */
const MAX_SUBSTANCE = 2;
/** How far (in tokens) a limiting word reaches to a word of knowing: "not something I've worked with". */
const REACH = 5;

/** Words that admit not knowing on their own. */
const ADMISSIONS = new Set(['unsur', 'clueless', 'stump', 'blank', 'fuzzi', 'hazi', 'rusti', 'dunno', 'idk', 'guess', 'guessing']);

function admitsNotKnowing(answer: AnalyzedText, hypothetical: boolean): boolean {
  const { tokens, clause } = answer;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.kind !== 'word') continue;
    if (ADMISSIONS.has(token.stem) || ADMISSIONS.has(token.norm)) return true;
    if ((token.norm === 'beyond' || token.norm === 'over' || token.norm === 'outside') && SELF.has(itemAt(tokens, i + 1)?.norm ?? '')) return true;
    if (!knowingSet().has(token.stem)) continue;
    if (hypothetical || (answer.headOf[i]?.length ?? 0) > 0) return true;
    for (let k = i - 1; k >= 0 && k >= i - REACH && clause[k] === clause[i]; k -= 1) {
      const before = tokens[k] as Token;
      if (LIMITING.has(before.norm) || answer.isNegator[k]) return true;
    }
  }
  return false;
}

// Content words about the subject: not about knowing, not limiting. The reference's words count
// most, so a hedged but real answer ("not sure, but the critic is kept Lipschitz") is not declined.
function substance(answer: AnalyzedText, weigh: (term: string) => number): number {
  let count = 0;
  for (const index of answer.content) {
    const token = answer.tokens[index] as Token;
    if (knowingSet().has(token.stem) || LIMITING.has(token.norm) || SELF.has(token.norm) || FILLER.has(token.norm) || LIGHT_VERBS.has(token.norm)) continue;
    count += weigh(token.term);
  }
  return count;
}
