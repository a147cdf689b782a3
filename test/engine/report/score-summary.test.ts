import { describe, expect, it } from 'vitest';
import { bandOf, criterionScores, overallOf, topicScores } from '../../../src/engine/report/score-summary.js';
import { rq } from './report-question.js';

describe('overallOf', () => {
  const cases: [string, Parameters<typeof rq>[0][], number | null][] = [
    ['one answered question', [{ score: 64 }], 64],
    ['difficulty weights: (80 × 1 + 40 × 2) / 3', [{ score: 80, weight: 1 }, { score: 40, weight: 2 }], 53],
    ['skipped and timed-out count as 0', [{ score: 90 }, { status: 'skipped', score: 0 }, { status: 'timed-out', score: 0 }], 30],
    ['not reached and unanswered are left out', [{ score: 90 }, { status: 'not-reached', score: null }, { status: 'unanswered', score: null }], 90],
    ['nothing counted', [{ status: 'not-reached', score: null }], null],
    ['no questions', [], null],
  ];
  for (const [name, questions, expected] of cases) {
    it(name, () => expect(overallOf(questions.map((q, i) => rq({ number: i + 1, ...q }))).score).toBe(expected));
  }

  it('counts each status', () => {
    const o = overallOf([rq({ score: 90 }), rq({ status: 'skipped', score: 0 }), rq({ status: 'not-reached', score: null })]);
    expect(o).toMatchObject({ total: 3, counted: 2, answered: 1, skipped: 1, timedOut: 0, notCounted: 1, band: 'developing' });
    expect(o.rule).toMatch(/skipped and timed-out questions count as 0/);
  });
});

describe('bandOf', () => {
  it.each([[100, 'strong'], [80, 'strong'], [79, 'solid'], [60, 'solid'], [59, 'developing'], [40, 'developing'], [39, 'starting'], [0, 'starting']])('%d is %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });
});

describe('topicScores and criterionScores', () => {
  it('averages per topic in plan order, null for a topic with nothing counted', () => {
    const topics = topicScores([
      rq({ topic: 'vaes', score: 80 }),
      rq({ topic: 'gans', score: 60, weight: 1 }),
      rq({ topic: 'gans', score: 90, weight: 2 }),
      rq({ topic: 'llms', status: 'not-reached', score: null }),
    ]);
    expect(topics).toEqual([
      { id: 'vaes', title: 'Topic vaes', score: 80, counted: 1, total: 1 },
      { id: 'gans', title: 'Topic gans', score: 80, counted: 2, total: 2 },
      { id: 'llms', title: 'Topic llms', score: null, counted: 0, total: 1 },
    ]);
  });

  it('averages criterion levels over the questions rated on them', () => {
    const c = (id: string, level: number) => ({ id, name: id.toUpperCase(), weight: 0.5, level, reason: '', descriptor: null });
    const scores = criterionScores([rq({ criteria: [c('accuracy', 4), c('depth', 1)] }), rq({ criteria: [c('accuracy', 3)] }), rq({ status: 'skipped', score: 0 })]);
    expect(scores).toEqual([
      { id: 'accuracy', name: 'ACCURACY', average: 3.5, percent: 88, questions: 2 },
      { id: 'depth', name: 'DEPTH', average: 1, percent: 25, questions: 1 },
    ]);
  });
});
