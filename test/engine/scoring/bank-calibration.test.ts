// The worst regressions on the bank calibration suite (test/fixtures/calibration): answers to the
// bank's own questions, scored as the interview scores them. Bands per kind are reported by
// `npm run bench:grader`; this test holds the lines a candidate would never forgive.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/adapters/bank/load-bank.js';
import { scoreOffline } from '../../../src/engine/scoring/offline-scorer.js';
import { defaultBankDir } from '../../../src/paths.js';
import { loadCalibration } from '../../fixtures/calibration/load-calibration.js';

const bank = await loadBank(defaultBankDir());
const suite = loadCalibration();
const scored = suite.map((a) => {
  const q = bank.questions.find((x) => x.id === a.questionId);
  if (!q) throw new Error(`${a.id}: no bank question ${a.questionId}`);
  return { ...a, score: scoreOffline({ question: q.prompt, reference: q.referenceAnswer, keyPoints: q.keyPoints, rubric: q.rubric, answer: a.text }) };
});
const ofKind = (kind: string) => scored.filter((a) => a.kind === kind);

/**
 * Questions where a fluent wrong answer still outscores the partial one (10 of 24 when this test
 * was written, 5 since clause claims, stated reversals and the bank's richer cues). A ratchet: the list
 * may shrink, never grow. Each is a contradiction the offline scorer cannot yet read (a reversed
 * claim in words it has no opposite for).
 */
const KNOWN_WRONG_ABOVE_PARTIAL = new Set([
  'car-production-incident',
  'llm-rlhf-pipeline', 'llm-rag-design', 'vae-beta-and-posterior-collapse',
]);

describe('bank calibration suite', () => {
  it('covers at least 20 questions with every kind of answer', () => {
    expect(new Set(suite.map((a) => a.questionId)).size).toBeGreaterThanOrEqual(20);
    for (const kind of ['strong-own-words', 'strong-plain', 'partial', 'keyword-list', 'wrong', 'off-topic', 'non-answer', 'hedged']) {
      expect(ofKind(kind).length).toBeGreaterThanOrEqual(20);
    }
  });

  it('a keyword list never scores above 35', () => {
    const over = ofKind('keyword-list').filter((a) => a.score.overall > 35).map((a) => `${a.id}: ${a.score.overall}`);
    expect(over).toEqual([]);
  });

  it('the bank\'s own reference answers, whole or either half, never read as contradicting a key point', () => {
    const contradicted = bank.questions.flatMap((q) => {
      const sentences = q.referenceAnswer.split(/(?<=[.!?])\s+/);
      const half = Math.ceil(sentences.length / 2);
      return [q.referenceAnswer, sentences.slice(0, half).join(' '), sentences.slice(half).join(' ')].flatMap((text) =>
        scoreOffline({ question: q.prompt, reference: q.referenceAnswer, keyPoints: q.keyPoints, rubric: q.rubric, answer: text })
          .keyPoints.filter((k) => k.negated)
          .map((k) => `${q.id}/${k.id}`),
      );
    });
    expect(contradicted).toEqual([]);
  });

  it('a non-answer scores 0 overall, on every criterion and every key point', () => {
    for (const a of ofKind('non-answer')) {
      expect(a.score.overall, a.id).toBe(0);
      expect(a.score.criteria.every((c) => c.level === 0), a.id).toBe(true);
      expect(a.score.keyPoints.every((k) => k.status === 'missed'), a.id).toBe(true);
    }
  });

  it('a fluent wrong answer does not outscore a partial correct one (beyond the known gaps, which may only shrink)', () => {
    const questions = [...new Set(scored.map((a) => a.questionId))];
    const above = questions.filter((id) => {
      const partial = scored.filter((a) => a.questionId === id && a.kind === 'partial').map((a) => a.score.overall);
      return partial.length > 0 && scored.some((a) => a.questionId === id && a.kind === 'wrong' && a.score.overall > Math.min(...partial));
    });
    expect(above.filter((id) => !KNOWN_WRONG_ABOVE_PARTIAL.has(id))).toEqual([]);
    expect(above.length).toBeLessThanOrEqual(KNOWN_WRONG_ABOVE_PARTIAL.size);
  });

  it('most fluent wrong answers score in their band (at most 30), and a stated contradiction costs the overall', () => {
    const inBand = ofKind('wrong').filter((a) => a.score.overall >= a.band[0] && a.score.overall <= a.band[1]);
    // 6 of 24 before clause claims, 8 with them, 14 once contradicted bank points cost the overall.
    expect(inBand.length).toBeGreaterThanOrEqual(14);
    for (const a of ofKind('wrong').filter((x) => x.score.keyPoints.some((k) => k.negated))) {
      const contradicted = a.score.keyPoints.filter((k) => k.negated).reduce((sum, k) => sum + k.weight, 0);
      expect(a.score.overall, a.id).toBeLessThanOrEqual(100 * Math.max(0, 1 - 1.5 * contradicted) + 0.05);
    }
  });

  it('a partial answer (correct as far as it goes) mostly stays within its band, not with the strong ones', () => {
    // 7 of 24 with the concave content curve on bank key points, 15 with the linear one (tuning.ts).
    const partial = ofKind('partial');
    expect(partial.filter((a) => a.score.overall >= a.band[0] && a.score.overall <= a.band[1]).length).toBeGreaterThanOrEqual(15);
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(ofKind('strong-plain').map((a) => a.score.overall)) - mean(partial.map((a) => a.score.overall))).toBeGreaterThanOrEqual(25);
  });

  it('a behavioural answer (a story) is never told it contradicted a key point', () => {
    const behavioural = new Set(bank.questions.filter((q) => q.rubric.kind === 'behavioral').map((q) => q.id));
    const stories = scored.filter((a) => behavioural.has(a.questionId));
    expect(stories.length).toBeGreaterThanOrEqual(20);
    // Before this rule: "Contradicted: you said 'same'" on a partial story, and on strong ones elsewhere.
    for (const a of stories) expect(a.score.keyPoints.filter((k) => k.negated).map((k) => k.id), a.id).toEqual([]);
  });

  it('a strong answer in the candidate\'s own words is never scored as a non-answer', () => {
    for (const a of [...ofKind('strong-own-words'), ...ofKind('hedged')]) expect(a.score.flags, a.id).toEqual([]);
  });
});
