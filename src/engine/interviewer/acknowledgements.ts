// The offline interviewer's acknowledgements and follow-up leads, by what just happened. Every
// phrasing is distinct across all lists, so "never the same acknowledgement twice in one interview"
// can be checked against the lines already said.
import type { AnswerOutcome } from '../answer-outcome.js';
import { hashString } from '../random.js';

/** Said before the next question, after the previous one ended this way. */
export const TRANSITION_ACKS: Readonly<Record<AnswerOutcome, readonly string[]>> = {
  skipped: ['No problem, we’ll leave that one.', 'That’s fine; let’s set it aside.', 'Sure, we can skip it.', 'Okay, we’ll come back to that topic another time.'],
  'timed-out': ['We’re out of time on that one.', 'Time’s up for that question.', 'The clock ran out on that one, so let’s stop it there.'],
  'dont-know': ['That’s alright; not every topic comes up every day.', 'No worries, that one is tricky.', 'Fair enough; better to say so than to guess.', 'That’s fine, it happens.'],
  gibberish: ['I couldn’t follow that answer, so let’s try a different question.', 'That didn’t come through clearly; let’s go to another question.', 'I wasn’t able to make sense of that, so let’s move to the next one.'],
  'off-topic': ['That answered a different question, so let’s go on to the next one.', 'That drifted away from what I asked; let’s try the next question.', 'That was about something else, so let’s move on.'],
  strong: ['Thanks, that was clear.', 'Good, that’s a solid answer.', 'Great, thank you.', 'Nice, that covered it well.', 'Thank you, that’s a strong answer.'],
  partial: ['Thanks.', 'Okay, thank you.', 'Alright, thanks for that.', 'Got it, thanks.', 'Thanks, let’s keep going.'],
  weak: ['Okay.', 'Alright.', 'Thanks for giving it a go.', 'Okay, let’s keep going.', 'Alright, let’s try another.'],
};

/** Before a key point probe that has no words of the candidate's to refer to. */
export const PROBE_LEADS: Readonly<Record<'after-non-answer' | 'default', readonly string[]>> = {
  'after-non-answer': ['Let’s work through it together.', 'Let’s take it one piece at a time.', 'Let’s start with one part of it.'],
  default: ['Let me dig into that.', 'Let’s go a bit further.', 'One more thing on this.', 'Let me ask about another part.', 'I’d like to push on this a little.'],
};

/** Before a probe that refers to the candidate's own words; {p} is their phrase. */
export const ECHO_LEADS: readonly string[] = ['You mentioned “{p}”.', 'You brought up “{p}”.', 'Going back to “{p}”:', 'Building on what you said about “{p}”:', 'On “{p}”:'];

/** Before probing a claim that contradicts a key point; {q} quotes it. */
export const CONTRADICTION_LEADS: readonly string[] = ['You said “{q}”. Let’s look at that again.', 'I want to check something: you said “{q}”.', 'Let’s go back to where you said “{q}”.'];
export const CONTRADICTION_LEADS_UNQUOTED: readonly string[] = ['I want to check one claim in your answer.', 'Let’s look again at part of your answer.', 'One thing in your answer needs a second look.'];

/** Before pushing a fully covered answer further, naming something the candidate said; {p} is it. */
export const DEPTH_ECHO_LEADS: readonly string[] = ['Good, you covered “{p}” clearly.', 'Nice point on “{p}”.', 'That was solid, including “{p}”.'];

/** Before pushing a fully covered answer further. */
export const DEPTH_LEADS: readonly string[] = ['Good.', 'That covers the basics well.', 'Nice.', 'Solid.', 'That’s a good foundation.'];

/** An easier way into a question the candidate could not answer; {x} is the easier question. */
export const SIMPLER_LEADS: readonly string[] = ['That’s alright. Let’s come at it from a simpler angle: {x}', 'No problem. Here’s an easier way in: {x}', 'Let’s break it down. {x}'];

/** After an answer that could not be read. */
export const REPHRASE_LINES: readonly string[] = [
  'I couldn’t make sense of that answer. Could you say it again in plain words?',
  'Sorry, that didn’t come through clearly. Could you rephrase it in a sentence or two?',
  'I’m not sure I followed that. Could you put it another way?',
];

const fixedPart = (template: string): string => template.split('{')[0]?.trim() ?? '';

/**
 * Picks a phrasing deterministically from the seed and slot, skipping any whose fixed wording was
 * already said in this interview. Undefined when every phrasing was used.
 */
export function pickUnused(items: readonly string[], seed: number, slot: string, said: readonly string[]): string | undefined {
  if (items.length === 0) return undefined;
  const start = hashString(`${seed}:${slot}`) % items.length;
  for (let i = 0; i < items.length; i += 1) {
    const item = items[(start + i) % items.length] as string;
    const fixed = fixedPart(item);
    if (fixed.length < 4 || !said.some((line) => line.startsWith(fixed))) return item;
  }
  return undefined;
}
