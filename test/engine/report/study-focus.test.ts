import { describe, expect, it } from 'vitest';
import { gapsOf, strengthsOf } from '../../../src/engine/report/study-focus.js';
import { verdictOf } from '../../../src/engine/report/verdict.js';
import { overallOf } from '../../../src/engine/report/score-summary.js';
import { rq } from './report-question.js';

const A = rq({ number: 1, source: 'Section A', kps: [{ id: 'a1', weight: 0.6, status: 'missed' }, { id: 'a2', weight: 0.4, status: 'covered' }] });
const B = rq({ number: 2, source: 'Section B', kps: [{ id: 'b1', weight: 0.5, status: 'partly' }, { id: 'b2', weight: 0.5, status: 'covered' }] });
const A2 = rq({ number: 3, source: 'Section A', kps: [{ id: 'c1', weight: 0.3, status: 'missed' }, { id: 'c2', weight: 0.7, status: 'covered' }] });
const X = rq({ number: 4, source: 'beyond-guide', beyondGuide: true, topic: 'llms', kps: [{ id: 'x1', weight: 0.25, status: 'partly' }, { id: 'x2', weight: 0.75, status: 'covered' }] });
const C = rq({ number: 5, source: 'Section C', status: 'skipped', score: 0, kps: [{ id: 'd1', weight: 0.2, status: 'missed' }, { id: 'd2', weight: 0.2, status: 'missed' }, { id: 'd3', weight: 0.6, status: 'missed' }] });
const unreached = rq({ number: 6, source: 'Section D', status: 'not-reached', score: null, kps: [{ id: 'e1', weight: 1, status: null }] });

describe('gapsOf', () => {
  it('sums missed weight per guide section across questions (partly = half) and keeps the top three', () => {
    const gaps = gapsOf([A, B, A2, X, C, unreached]);
    expect(gaps.map((g) => [g.rank, g.title, g.missedWeight])).toEqual([
      [1, 'Section C', 1],
      [2, 'Section A', 0.9],
      [3, 'Section B', 0.25],
    ]);
    expect(gaps[1]?.points.map((p) => [p.questionNumber, p.keyPointId, p.missedWeight])).toEqual([[1, 'a1', 0.6], [3, 'c1', 0.3]]);
    expect(gaps[1]?.study).toBe('Study the guide section “Section A” (question 1, 3).');
  });

  it('groups beyond-guide questions by topic and says they are beyond the guide', () => {
    const [gap] = gapsOf([X]);
    expect(gap).toMatchObject({ title: 'Beyond the guide: llms', beyondGuide: true, source: 'beyond-guide', missedWeight: 0.13 });
    expect(gap?.study).toMatch(/beyond the guide: study the reference answer of question 4/);
  });

  it('breaks ties by the order the sections were asked in, and has no gaps when nothing was missed', () => {
    const first = rq({ number: 1, source: 'First', kps: [{ id: 'k', weight: 0.5, status: 'missed' }] });
    const second = rq({ number: 2, source: 'Second', kps: [{ id: 'k', weight: 0.5, status: 'missed' }] });
    expect(gapsOf([first, second]).map((g) => g.title)).toEqual(['First', 'Second']);
    expect(gapsOf([rq({ kps: [{ id: 'k', weight: 1, status: 'covered' }] })])).toEqual([]);
  });
});

describe('strengthsOf', () => {
  it('lists well-covered sections, then criteria at level 3 or more', () => {
    const criteria = [
      { id: 'clarity', name: 'Clarity', average: 3.5, percent: 88, questions: 2 },
      { id: 'depth', name: 'Depth', average: 2, percent: 50, questions: 2 },
    ];
    const strengths = strengthsOf([A, B, X], criteria);
    expect(strengths.map((s) => [s.kind, s.title])).toEqual([
      ['section', 'Beyond the guide: llms'],
      ['section', 'Section B'],
      ['criterion', 'Clarity'],
    ]);
    expect(strengths[0]?.detail).toMatch(/^88% of the key points covered/);
    expect(strengths[2]?.detail).toBe('3.5 of 4 on average over 2 answers.');
  });
});

describe('verdictOf', () => {
  const verdict = (questions: ReturnType<typeof rq>[]) => verdictOf(overallOf(questions), gapsOf(questions));
  const cases: [string, ReturnType<typeof rq>[], RegExp][] = [
    ['strong with a gap', [rq({ score: 90, kps: [{ id: 'k', weight: 0.1, status: 'missed' }] })], /^Strong.*revisit “Section A”\.$/],
    ['strong, nothing missed', [rq({ score: 100, kps: [{ id: 'k', weight: 1, status: 'covered' }] })], /^Strong.*harder difficulty/],
    ['solid', [rq({ score: 65, kps: [{ id: 'k', weight: 0.3, status: 'missed' }] })], /^A solid base.*“Section A”/],
    ['developing', [rq({ score: 45, kps: [{ id: 'k', weight: 0.5, status: 'missed' }] })], /^You have the outline.*“Section A”/],
    ['starting', [rq({ score: 10, kps: [{ id: 'k', weight: 0.9, status: 'missed' }] })], /^Early days.*“Section A”/],
    ['beyond the guide', [X, rq({ number: 2, score: 0 })], /reference answer to question 4 \(beyond the guide\)/],
    ['only skipped', [C], /^No question was answered; start with “Section C”/],
    ['nothing counted', [unreached], /^Nothing was scored yet/],
  ];
  for (const [name, questions, expected] of cases) {
    it(name, () => {
      const line = verdict(questions);
      expect(line).toMatch(expected);
      expect(line).not.toMatch(/\bhire\b|\bno-hire\b|\breject/i);
    });
  }
});
