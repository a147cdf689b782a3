// The fixed answers the load generator gives, so every run does the same work: each session's plan
// is rebuilt here from its options and seed (the same createPlan the server runs), and each turn's
// answer is drawn from that question's reference answer and key points by a hash of the session's
// seed, the question and the follow-up round: full, partial, key points only, or weak.
import type { Bank, Question } from '../../../src/engine/bank/schema.js';
import { createPlan, PlanOptionsSchema, type Plan, type PlanOptions } from '../../../src/engine/plan.js';
import { hashString } from '../../../src/engine/random.js';

const WEAK = [
  "I'm not completely sure. I think it depends on the data and the model, and you would try a few settings and see what works best.",
  'It is a technique used in machine learning to make models better, mostly by training them on more data for longer.',
  'I have read about this but never used it in practice, so I would look it up and follow what the documentation recommends.',
];

/** Longest answer the corpus gives: a long reference answer is cut at a sentence near here. */
const MAX_CHARS = 900;

const sentences = (text: string): string[] => text.match(/[^.!?]+[.!?]+(\s+|$)/g) ?? [text];

function clip(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  let out = '';
  for (const s of sentences(text)) {
    if (out.length + s.length > MAX_CHARS) break;
    out += s;
  }
  return (out || text.slice(0, MAX_CHARS)).trim();
}

/** The answer to question `q` at follow-up `round` (0 = the question itself) in a session seeded `seed`. */
export function answerFor(q: Question, seed: number, round: number): string {
  const pick = hashString(`${seed}:${q.id}:${round}`) % 4;
  if (pick === 0) return clip(q.referenceAnswer);
  if (pick === 1) {
    const all = sentences(q.referenceAnswer);
    return clip(all.slice(0, Math.max(1, Math.ceil(all.length / 2))).join('').trim());
  }
  if (pick === 2) return clip(q.keyPoints.slice(round % 2, (round % 2) + 2).map((k) => k.statement).join(' '));
  return WEAK[(seed + round) % WEAK.length] as string;
}

/** The plan the server builds for these options: the questions a session will ask, in order. */
export function planFor(bank: Bank, options: PlanOptions & { seed: number }): Plan {
  const result = createPlan(bank.questions, { ...PlanOptionsSchema.parse(options), seed: options.seed }, bank.version);
  if (!result.ok) throw new Error(`bench plan is unsatisfiable: ${result.error}`);
  return result.plan;
}

/** A sample answer frame, for the echo server's frames of the same size. */
export function sampleAnswers(bank: Bank, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const q = bank.questions[i % bank.questions.length] as Question;
    return JSON.stringify({ type: 'answer.submit', text: answerFor(q, i, i % 3), clientId: `echo-${i}` });
  });
}
