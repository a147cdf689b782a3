// The offline interviewer's lines: a few natural phrasings of each, chosen by the seed and the line's
// position so the same session always reads the same and different sessions read differently.
// Acknowledgements fit what just happened and are never repeated within one interview; follow-ups
// quote the candidate's own words, and a contradiction is probed by quoting it.
import { NON_ANSWER_OUTCOMES, outcomeOfEvaluation } from '../answer-outcome.js';
import type { SpeakInput } from '../effects.js';
import { DEPTH_TARGET, REPHRASE_TARGET, SIMPLER_TARGET } from '../follow-up-targets.js';
import { pick } from '../random.js';
import {
  CONTRADICTION_LEADS,
  CONTRADICTION_LEADS_UNQUOTED,
  DEPTH_ECHO_LEADS,
  DEPTH_LEADS,
  ECHO_LEADS,
  pickUnused,
  PROBE_LEADS,
  REPHRASE_LINES,
  SIMPLER_LEADS,
  TRANSITION_ACKS,
} from './acknowledgements.js';
import { contradictionFor, echoFor } from './echo-phrase.js';

const OPENINGS = {
  mock: [
    "Hi, thanks for making the time. I'll ask you {n}; take a moment to think before you answer, and talk me through your reasoning.",
    "Hello, and welcome. We have {n} today. Answer as you would in a real interview; I may dig into parts of your answers.",
    "Thanks for joining. Let's go through {n} together. There's no need to rush, and it's fine to think out loud.",
  ],
  drill: [
    "Let's drill {n}. After each answer you'll see which key points you covered and which you missed, and I'll keep probing the gaps.",
    "Drill mode: {n}. I'll show you what your answer covered, then push on what's missing. Ask for a hint, skip, or retry whenever you like.",
  ],
} as const;

const FALLBACK_PROBES = [
  "What else would you add? Think about what we haven't touched yet.",
  'Is there an important part of this you left out?',
  'Can you go one level deeper on how this works?',
];
const CLOSINGS = {
  completed: [
    "That's all my questions. Thank you; your report is ready, with scores and what to study next.",
    "We're done. Thanks for your answers. Have a look at the report for how each answer landed and where to focus.",
  ],
  'ended-early': ["Let's stop here. Thanks for your time; the report covers what we got through."],
  'time-up': ["We're out of time, so let's stop here. Thanks; your report covers what we got through."],
} as const;

const questionsWord = (n: number): string => `${n} question${n === 1 ? '' : 's'}`;

/** Phrases one line for the offline interviewer. Pure: same input, same text. */
export function offlineLine(input: SpeakInput): string {
  const { request, seed, seq, question } = input;
  const choose = <T>(items: readonly T[], slot: string): T => pick(items, seed, `${slot}:${seq}`);
  switch (request.kind) {
    case 'opening':
      return choose(OPENINGS[input.mode], 'opening').replace('{n}', questionsWord(input.questionTotal));
    case 'question': {
      const prompt = question?.prompt ?? '';
      const number = input.questionNumber ? `Question ${input.questionNumber} of ${input.questionTotal}. ` : '';
      if (request.retry) return `Let's take it from the top. ${prompt}`;
      const ack = request.transition ? transitionAck(input) : undefined;
      return `${ack ? `${ack} ` : ''}${number}${prompt}`;
    }
    case 'follow-up':
      return followUpLine(input, request.target, request.round);
    case 'hint': {
      const keyPoint = question?.keyPoints.find((k) => k.id === request.keyPointId);
      return `Here's a nudge: ${keyPoint?.hint ?? 'think about what else matters here: how it works, why it works, and where it breaks.'}`;
    }
    case 'closing':
      return choose(CLOSINGS[request.reason], 'closing');
  }
}

function transitionAck(input: SpeakInput): string | undefined {
  const outcome = input.previousOutcome ?? 'partial';
  return pickUnused(TRANSITION_ACKS[outcome], input.seed, `ack:${input.seq}`, input.said ?? []);
}

function followUpLine(input: SpeakInput, target: string, round: number): string {
  const { question, seed, seq, evaluation } = input;
  const said = input.said ?? [];
  const slot = `lead:${seq}`;
  if (target === REPHRASE_TARGET) return pickUnused(REPHRASE_LINES, seed, slot, said) ?? pick(REPHRASE_LINES, seed, slot);
  if (target === SIMPLER_TARGET) return (pickUnused(SIMPLER_LEADS, seed, slot, said) ?? pick(SIMPLER_LEADS, seed, slot)).replace('{x}', simplerQuestion(input));
  const options = question?.followUps.filter((f) => f.target === target) ?? [];
  const probe = options.length > 0 ? (options[(round - 1) % options.length]?.prompt ?? '') : pick(FALLBACK_PROBES, seed, `probe:${seq}`);
  if (target === DEPTH_TARGET) {
    const heaviest = question ? [...question.keyPoints].sort((a, b) => b.weight - a.weight)[0] : undefined;
    const strong = question && heaviest ? echoFor(question, evaluation, heaviest.id) : undefined;
    const echoLead = strong ? pickUnused(DEPTH_ECHO_LEADS, seed, slot, said)?.replace('{p}', strong) : undefined;
    return [echoLead ?? pickUnused(DEPTH_LEADS, seed, slot, said), probe].filter(Boolean).join(' ');
  }
  const quote = contradictionFor(evaluation, target);
  if (quote) return `${(pickUnused(CONTRADICTION_LEADS, seed, slot, said) ?? pick(CONTRADICTION_LEADS, seed, slot)).replace('{q}', quote)} ${probe}`;
  if (evaluation?.score.keyPoints.some((k) => k.id === target && k.negated)) {
    return [pickUnused(CONTRADICTION_LEADS_UNQUOTED, seed, slot, said), probe].filter(Boolean).join(' ');
  }
  const echo = question ? echoFor(question, evaluation, target) : undefined;
  if (echo) return `${(pickUnused(ECHO_LEADS, seed, slot, said) ?? pick(ECHO_LEADS, seed, slot)).replace('{p}', echo)} ${probe}`;
  const nonAnswer = evaluation ? NON_ANSWER_OUTCOMES.has(outcomeOfEvaluation(evaluation)) : false;
  const lead = pickUnused(PROBE_LEADS[nonAnswer ? 'after-non-answer' : 'default'], seed, slot, said);
  return [lead, probe].filter(Boolean).join(' ');
}

// The easier way in: the heaviest key point's hint (a nudge that does not give the answer away),
// else its first follow-up, else a plain request for the core idea.
function simplerQuestion(input: SpeakInput): string {
  const question = input.question;
  const heaviest = question ? [...question.keyPoints].sort((a, b) => b.weight - a.weight)[0] : undefined;
  const followUp = heaviest ? question?.followUps.find((f) => f.target === heaviest.id)?.prompt : undefined;
  return heaviest?.hint ?? followUp ?? 'In a sentence, what is the main idea, even if you are unsure of the details?';
}
