// Replies that say nothing about the subject, however worded (issue 11: "non-answers are zero
// everywhere"), against real answers that are short, hedged or thin. Development sets: the lead's
// (test/fixtures/non-answer-dev) and a second author's (test/fixtures/non-answer-dev2). The blind set
// (test/fixtures/blind-nonanswers) is only measured, in blind-check.test.ts.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/adapters/bank/load-bank.js';
import { offlineEvaluation } from '../../../src/engine/interviewer/offline-interviewer.js';
import { NON_ANSWER_FLAGS } from '../../../src/engine/scoring/offline-scorer.js';
import { defaultBankDir } from '../../../src/paths.js';
import { loadCalibration } from '../../fixtures/calibration/load-calibration.js';

const bank = await loadBank(defaultBankDir());
const scored = ['test/fixtures/non-answer-dev', 'test/fixtures/non-answer-dev2'].flatMap((dir) =>
  loadCalibration(dir).map((a) => {
    const question = bank.questions.find((q) => q.id === a.questionId);
    if (!question) throw new Error(`${a.id}: no question ${a.questionId}`);
    return { ...a, score: offlineEvaluation({ question, answer: a.text }).score };
  }),
);
const named = (a: (typeof scored)[number]) => a.score.flags.some((f) => NON_ANSWER_FLAGS.has(f));

describe('evasive replies', () => {
  it('names deflections, requests to move on, waffle and small talk as non-answers and scores them 0', () => {
    const replies = scored.filter((a) => a.kind === 'non-answer');
    expect(replies).toHaveLength(84);
    // 32 of 84 before the rule (only "don't know" wordings and the off-topic check).
    expect(replies.filter(named).length).toBeGreaterThanOrEqual(74);
    for (const a of replies.filter(named)) expect(a.score.overall, a.id).toBe(0);
  });

  it('never calls a short, hedged or thin real answer a non-answer', () => {
    const real = scored.filter((a) => a.kind !== 'non-answer');
    expect(real.length).toBeGreaterThanOrEqual(50);
    // One thin analogy ("every word asks a question, ...") was flagged off-topic before this rule too.
    expect(real.filter(named).map((a) => a.id)).toEqual(['thin-answers.yaml#tf-self-attention-qkv/partial']);
  });
});

describe('answers to another question', () => {
  const tech = bank.questions.filter((q) => q.rubric.kind !== 'behavioral');
  const topic = (id: string) => id.split('-')[0];

  it('a full answer to another question of the same topic that makes none of this one\'s points is off-topic, scored 0', () => {
    let caught = 0;
    let pairs = 0;
    for (const q of tech) {
      for (const other of tech) {
        if (other === q || topic(other.id) !== topic(q.id)) continue;
        pairs += 1;
        const s = offlineEvaluation({ question: q, answer: other.referenceAnswer }).score;
        if (s.flags.includes('off-topic')) {
          caught += 1;
          expect(s.overall).toBe(0);
        }
      }
    }
    expect(pairs).toBeGreaterThan(400);
    // 36 of 482 at the start of the session (the vocabulary check); 175 with this rule. The rest touch two points or
    // more of a related question, which is partly an answer.
    expect(caught).toBeGreaterThanOrEqual(165);
  });

  it('never takes a correct answer of the calibration or own-words sets for one', () => {
    const flagged: string[] = [];
    for (const dir of ['test/fixtures/calibration', 'test/fixtures/own-words']) {
      for (const a of loadCalibration(dir)) {
        if (!['strong-own-words', 'strong-plain', 'hedged', 'partial'].includes(a.kind)) continue;
        const question = bank.questions.find((q) => q.id === a.questionId);
        if (question && offlineEvaluation({ question, answer: a.text }).score.flags.includes('off-topic')) flagged.push(a.id);
      }
    }
    expect(flagged).toEqual([]);
  });
});
