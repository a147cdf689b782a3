// Recognises an answer that declines to answer ("I'd have to look that up", "that's beyond what I've
// covered", "no clue, sorry") by what it means, not by a list of phrases: it speaks about the
// speaker, about knowing or having learnt something, in a limiting way (a negation, "outside",
// "beyond", a conditional "I'd have to"), and it says next to nothing about the subject itself.
import type { AnalyzedText } from './analyze-text.js';
import { LIGHT_VERBS } from './negation.js';
import { stemWord, type Token } from './terms.js';

/** Words about the speaker: the answer talks about me, not about the topic. */
const SELF = new Set(['i', 'me', 'my', 'myself', 'mine', "i'm", "i've", "i'd", "i'll"]);

/**
 * Words about knowing, learning, meeting or handling a subject (compared by stem). A reply that
 * says one of them in a limiting way about the speaker is about the speaker's knowledge.
 */
const KNOWING_WORDS = `know knowledge familiar work cover study learn learnt heard hear sure certain remember recall forgot
forget idea clue guess experience expertise area field come across seen see look read encounter touch explore answer say
explain understand understood grasp confident comfortable topic domain background pass skip wing bluff speak tell help
dunno idk clueless unsure fuzzy rusty hazy vague story share example anecdote situation make invent try deal toolbox
mind blank memory research check stump lookup`;

let knowingStems: Set<string> | undefined;
const knowingSet = (): Set<string> => (knowingStems ??= new Set(KNOWING_WORDS.split(/\s+/).map(stemWord)));

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

/** Hypothetical self-reference ("I'd have to", "I would be") marks a declined answer too. */
const HYPOTHETICAL = new Set(['would', 'd', 'could', 'might']);

export interface NonAnswerInput {
  answer: AnalyzedText;
  /** How much a content term says about the subject: 0 for the question's own words. */
  weigh: (term: string) => number;
}

/**
 * True when the answer declines to answer: it refers to the speaker's knowledge in a limiting way
 * and has at most two content words about the subject beyond the question's own.
 */
export function declinesToAnswer({ answer, weigh }: NonAnswerInput): boolean {
  const words = answer.tokens.filter((t) => t.kind === 'word');
  if (words.length === 0) return false;
  let self = false;
  let knowing = false;
  let limiting = false;
  let hypothetical = false;
  for (const [i, token] of answer.tokens.entries()) {
    if (token.kind !== 'word') continue;
    if (SELF.has(token.norm) || token.norm === 'i') self = true;
    if (knowingSet().has(token.stem)) knowing = true;
    // "beyond me", "over my head": the subject is out of the speaker's reach.
    if ((token.norm === 'beyond' || token.norm === 'over') && SELF.has(answer.tokens[i + 1]?.norm ?? '')) knowing = true;
    if (LIMITING.has(token.norm) || answer.isNegator[i]) limiting = true;
    if (HYPOTHETICAL.has(token.norm) && isSelfBefore(answer.tokens, i)) hypothetical = true;
  }
  // "I'd have to", "I'd only be": the tokenizer keeps "I" of "I'd", so read the contraction here.
  if (/\bi'd\b|\bi\u2019d\b/i.test(answer.text)) hypothetical = true;
  if (!knowing || !(limiting || hypothetical)) return false;
  // A short reply ("no clue, sorry") need not name the speaker; a longer one must be about them.
  if (!self && words.length > 6) return false;
  return substance(answer, weigh) <= 2;
}

function isSelfBefore(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev !== undefined && (prev.norm === 'i' || prev.norm === 'we');
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
