// A weak-spots drill's follow-ups go to the key points it was built for before heavier ones.
import { describe, expect, it } from 'vitest';
import type { DecideInput } from '../../../src/engine/effects.js';
import { offlineDecide } from '../../../src/engine/interviewer/offline-decide.js';
import { question as makeQuestion } from '../../fixtures/questions.js';

describe('offlineDecide with a focus', () => {
  // Key points a (0.5), b (0.3), c (0.2).
  const question = makeQuestion('vae-reparam', 'vaes', 2);
  const input = (focus?: string[], probed: string[] = []): DecideInput => ({
    mode: 'drill',
    seed: 1,
    question,
    answers: ['I do not know.'],
    evaluation: {
      score: { scorer: 'offline', overall: 0, keyPoints: question.keyPoints.map((k) => ({ id: k.id, statement: k.statement, weight: k.weight, status: 'missed', evidence: [], matched: [], negated: false })), criteria: [], flags: [] },
      offline: { scorer: 'offline', overall: 0, keyPoints: [], criteria: [], flags: [] },
      droppedClaims: [],
      disagreement: false,
    },
    followUpsAsked: probed.length,
    maxFollowUps: 3,
    probed,
    ...(focus ? { focus } : {}),
  });

  it.each([
    ['no focus: the heaviest missed point', undefined, [], 'a'],
    ['focus: the weak spot, though lighter', ['c'], [], 'c'],
    ['two weak spots: in the order given', ['c', 'b'], [], 'c'],
    ['a weak spot already probed: the unprobed points come first', ['c'], ['c'], 'a'],
  ])('%s', (_name, focus, probed, target) => {
    expect(offlineDecide(input(focus, probed))).toMatchObject({ action: 'follow-up', target });
  });
});
