// The offline interviewer's lines: a few natural phrasings of each, chosen by the seed and the line's
// position so the same session always reads the same and different sessions read differently.
import type { SpeakInput } from '../effects.js';
import { pick } from '../random.js';

const OPENINGS = {
  mock: [
    "Hi, thanks for making the time. I'll ask you {n} questions; take a moment to think before you answer, and talk me through your reasoning.",
    "Hello, and welcome. We have {n} questions today. Answer as you would in a real interview; I may dig into parts of your answers.",
    "Thanks for joining. Let's go through {n} questions together. There's no need to rush, and it's fine to think out loud.",
  ],
  drill: [
    "Let's drill {n} questions. After each answer you'll see which key points you covered and which you missed, and I'll keep probing the gaps.",
    "Drill mode: {n} questions. I'll show you what your answer covered, then push on what's missing. Ask for a hint, skip, or retry whenever you like.",
  ],
} as const;

const TRANSITIONS = ['Thanks.', 'Okay, let’s move on.', 'Got it. Next one.', 'Alright.', 'Thank you, that’s helpful.', 'Let’s switch gears.'];
const FOLLOW_UP_LEADS = ['', 'Let me dig into that.', 'Okay.', 'Interesting.', 'Right.', 'Thanks.'];
const DEPTH_LEADS = ['Good.', 'That covers the basics well.', 'Nice.', 'Solid.'];
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

/** Phrases one line for the offline interviewer. Pure: same input, same text. */
export function offlineLine(input: SpeakInput): string {
  const { request, seed, seq, question } = input;
  const choose = <T>(items: readonly T[], slot: string): T => pick(items, seed, `${slot}:${seq}`);
  switch (request.kind) {
    case 'opening':
      return choose(OPENINGS[input.mode], 'opening').replace('{n} questions', input.questionTotal === 1 ? '1 question' : `${input.questionTotal} questions`);
    case 'question': {
      const prompt = question?.prompt ?? '';
      const number = input.questionNumber ? `Question ${input.questionNumber} of ${input.questionTotal}. ` : '';
      if (request.retry) return `Let's take it from the top. ${prompt}`;
      return `${request.transition ? `${choose(TRANSITIONS, 'transition')} ` : ''}${number}${prompt}`;
    }
    case 'follow-up': {
      const options = question?.followUps.filter((f) => f.target === request.target) ?? [];
      const probe = options.length > 0 ? options[(request.round - 1) % options.length]?.prompt : choose(FALLBACK_PROBES, 'probe');
      const lead = choose(request.target === 'depth' ? DEPTH_LEADS : FOLLOW_UP_LEADS, 'lead');
      return [lead, probe].filter(Boolean).join(' ');
    }
    case 'hint': {
      const keyPoint = question?.keyPoints.find((k) => k.id === request.keyPointId);
      return `Here's a nudge: ${keyPoint?.hint ?? 'think about what else matters here: how it works, why it works, and where it breaks.'}`;
    }
    case 'closing':
      return choose(CLOSINGS[request.reason], 'closing');
  }
}
