import { describe, expect, it } from 'vitest';
import { gapsOf, strengthsOf } from '../../../src/engine/report/study-focus.js';
import { verdictOf } from '../../../src/engine/report/verdict.js';
import { overallOf } from '../../../src/engine/report/score-summary.js';
import { rq } from './report-question.js';

const A = rq({ number: 1, score: 60, source: 'Section A', kps: [{ id: 'a1', weight: 0.6, status: 'missed' }, { id: 'a2', weight: 0.4, status: 'covered' }] });
const B = rq({ number: 2, score: 70, topic: 'vaes', source: 'Section B', kps: [{ id: 'b1', weight: 0.5, status: 'partly' }, { id: 'b2', weight: 0.5, status: 'covered' }] });
const A2 = rq({ number: 3, score: 75, source: 'Section A', kps: [{ id: 'c1', weight: 0.3, status: 'missed' }, { id: 'c2', weight: 0.7, status: 'covered' }] });
const X = rq({ number: 4, score: 90, source: 'beyond-guide', beyondGuide: true, topic: 'llms', kps: [{ id: 'x1', weight: 0.25, status: 'partly' }, { id: 'x2', weight: 0.75, status: 'covered' }] });
const C = rq({ number: 5, topic: 'diffusion', source: 'Section C', status: 'skipped', score: 0, kps: [{ id: 'd1', weight: 0.2, status: 'missed' }, { id: 'd2', weight: 0.2, status: 'missed' }, { id: 'd3', weight: 0.6, status: 'missed' }] });
const unreached = rq({ number: 6, source: 'Section D', status: 'not-reached', score: null, kps: [{ id: 'e1', weight: 1, status: null }] });

describe('gapsOf', () => {
  it('ranks topics by their weakest question, lists the weak questions and the points they missed', () => {
    const gaps = gapsOf([A, B, A2, X, C, unreached]);
    expect(gaps.map((g) => [g.rank, g.title, g.missedWeight])).toEqual([
      [1, 'Topic diffusion', 1],
      [2, 'Topic gans', 0.9],
      [3, 'Topic vaes', 0.25],
    ]);
    expect(gaps[1]?.questions).toEqual([{ number: 1, score: 60 }, { number: 3, score: 75 }]);
    expect(gaps[1]?.points.map((p) => [p.questionNumber, p.keyPointId, p.missedWeight])).toEqual([[1, 'a1', 0.6], [3, 'c1', 0.3]]);
    expect(gaps[1]?.study).toBe('Compare your answers to questions 1 (60/100) and 3 (75/100) with their reference answers and key points in this report.');
  });

  it('never points at the guide, and never at a question in the strong band', () => {
    const strong = rq({ number: 2, score: 97, topic: 'llms', kps: [{ id: 'k', weight: 0.1, status: 'partly' }] });
    const weak = rq({ number: 1, score: 45, kps: [{ id: 'k', weight: 0.5, status: 'missed' }] });
    const gaps = gapsOf([weak, strong]);
    expect(gaps.map((g) => g.questions.map((q) => q.number))).toEqual([[1]]);
    for (const g of gaps) expect(g.study).not.toMatch(/guide/i);
    expect(gapsOf([X])).toEqual([]);
  });

  it('breaks ties by the order the topics were asked in, and has no gaps when nothing was missed', () => {
    const first = rq({ number: 1, topic: 'first', kps: [{ id: 'k', weight: 0.5, status: 'missed' }] });
    const second = rq({ number: 2, topic: 'second', kps: [{ id: 'k', weight: 0.5, status: 'missed' }] });
    expect(gapsOf([first, second]).map((g) => g.title)).toEqual(['Topic first', 'Topic second']);
    expect(gapsOf([rq({ kps: [{ id: 'k', weight: 1, status: 'covered' }] })])).toEqual([]);
  });
});

describe('strengthsOf', () => {
  it('lists well-covered topics by title, then criteria at level 3 or more', () => {
    const criteria = [
      { id: 'clarity', name: 'Clarity', average: 3.5, percent: 88, questions: 2 },
      { id: 'depth', name: 'Depth', average: 2, percent: 50, questions: 2 },
    ];
    const strengths = strengthsOf([A, B, X], criteria);
    expect(strengths.map((s) => [s.kind, s.title])).toEqual([
      ['section', 'Topic llms'],
      ['section', 'Topic vaes'],
      ['criterion', 'Clarity'],
    ]);
    expect(strengths[0]?.detail).toMatch(/^88% of the key points covered/);
    expect(strengths[2]?.detail).toBe('3.5 of 4 on average over 2 answers.');
  });
});

describe('verdictOf', () => {
  const verdict = (questions: ReturnType<typeof rq>[]) => verdictOf(overallOf(questions), gapsOf(questions));
  const cases: [string, ReturnType<typeof rq>[], RegExp][] = [
    ['strong with a weak question', [rq({ score: 100 }), rq({ number: 2, score: 70, kps: [{ id: 'k', weight: 0.1, status: 'missed' }] }), rq({ number: 3, score: 95 })], /^Strong.*revisit question 2 \(70\/100, on Topic gans\)\.$/],
    ['strong, nothing weak', [rq({ score: 97, kps: [{ id: 'k', weight: 0.1, status: 'partly' }] })], /^Strong.*harder difficulty/],
    ['solid', [rq({ score: 65, kps: [{ id: 'k', weight: 0.3, status: 'missed' }] })], /^A solid base.*question 1 \(65\/100, on Topic gans\)/],
    ['developing names the weakest question, not the best', [rq({ score: 97, kps: [{ id: 'k', weight: 0.1, status: 'missed' }] }), rq({ number: 2, score: 10, topic: 'vaes', kps: [{ id: 'k', weight: 0.9, status: 'missed' }] })], /^You have the outline.*starting with question 2 \(10\/100, on Topic vaes\)/],
    ['starting', [rq({ score: 10, kps: [{ id: 'k', weight: 0.9, status: 'missed' }] })], /^Early days.*question 1 \(10\/100/],
    ['only skipped', [C], /^No question was answered; start with question 5 \(0\/100, on Topic diffusion\)/],
    ['nothing counted', [unreached], /^Nothing was scored yet/],
  ];
  for (const [name, questions, expected] of cases) {
    it(name, () => {
      const line = verdict(questions);
      expect(line).toMatch(expected);
      expect(line).not.toMatch(/\bhire\b|\bno-hire\b|\breject|guide/i);
    });
  }
});
