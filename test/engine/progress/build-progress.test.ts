// Mastery, trend, time and due dates derived from stored evaluations: tables of histories in,
// progress out. Time comes in as an argument.
import { describe, expect, it } from 'vitest';
import { buildProgress } from '../../../src/engine/progress/build-progress.js';
import { ProgressSchema } from '../../../src/engine/progress/progress-schema.js';
import { ratingOf } from '../../../src/engine/progress/schedule.js';
import { weakSpotTargets } from '../../../src/engine/progress/weak-spots.js';
import { DAY, evaluation, modeCollapse, reparam, session, T0 } from './practice-fixtures.js';

const point = (p: ReturnType<typeof buildProgress>, q: string, k: string) => {
  const found = p.keyPoints.find((x) => x.questionId === q && x.keyPointId === k);
  if (!found) throw new Error(`no mastery for ${q}#${k}`);
  return found;
};

// Day 0: reparam missed/contradicted, mode collapse covered. Day 2: reparam partly/covered-after-help.
const history = [
  session('s1', 0, [reparam, modeCollapse], (s) => [
    evaluation(s, 0, { 'sampling-blocks-gradient': 'missed', 'noise-outside': 'contradicted' }, { overall: 10 }),
    evaluation(s, 1, { 'few-modes': 'covered', remedies: 'covered' }, { minutes: 5, overall: 90 }),
  ]),
  session('s2', 2, [reparam], (s) => [
    evaluation(s, 0, { 'sampling-blocks-gradient': 'partly', 'noise-outside': 'missed' }, { overall: 30 }),
    // The follow-up drew out the second point: covered, but not unprompted.
    evaluation(s, 0, { 'sampling-blocks-gradient': 'partly', 'noise-outside': 'covered' }, { minutes: 4, overall: 60 }),
  ]),
];

describe('buildProgress', () => {
  const now = T0 + 3 * DAY;
  const progress = buildProgress(history, { now, topicTitles: new Map([['vaes', 'Variational autoencoders']]) });

  it('matches its schema', () => expect(ProgressSchema.safeParse(progress).success).toBe(true));

  it('keeps each key point history with the latest status, and contradiction apart from a plain miss', () => {
    const noise = point(progress, 'vae-reparam', 'noise-outside');
    expect(noise.history.map((h) => [h.sessionId, h.status, h.unprompted])).toEqual([
      ['s1', 'contradicted', false],
      ['s2', 'covered', false],
    ]);
    expect(noise.history[0]?.evidence).toEqual(['does not use noise']);
    expect(noise.status).toBe('covered');
    expect(point(progress, 'vae-reparam', 'sampling-blocks-gradient')).toMatchObject({ status: 'partly', level: 0.5, lastSeen: T0 + 2 * DAY + 4 * 60_000 });
    expect(point(progress, 'gan-mode-collapse', 'few-modes')).toMatchObject({ status: 'covered', level: 1 });
  });

  it('uses the latest evaluation of a question in a session, and scores topics from their key points', () => {
    const vaes = progress.topics.find((t) => t.topic === 'vaes');
    expect(vaes).toMatchObject({ title: 'Variational autoencoders', mastery: 75, counts: { covered: 1, partly: 1, missed: 0, contradicted: 0 } });
    expect(vaes?.trend).toEqual([
      { sessionId: 's1', at: T0, score: 10 },
      { sessionId: 's2', at: T0 + 2 * DAY, score: 60 },
    ]);
    expect(progress.topics.find((t) => t.topic === 'gans')).toMatchObject({ title: 'gans', mastery: 100 });
  });

  it('counts time practised with long pauses capped, sessions, answers and days', () => {
    const withBreak = session('s3', 5, [modeCollapse], (s) => [evaluation(s, 0, { 'few-modes': 'covered', remedies: 'missed' })], [T0 + 5 * DAY, T0 + 5 * DAY + 60_000, T0 + 5 * DAY + 3_600_000]);
    const p = buildProgress([...history, withBreak], { now });
    // s1 and s2: 1 + 2 minutes each; s3: 1 minute, then an hour's pause counted as 5 minutes.
    expect(p.time).toEqual({ totalMs: (3 + 3 + 1 + 5) * 60_000, sessions: 3, answers: 5, days: 3 });
  });

  it('puts due key points first, weakest first, and changes the due list as time passes', () => {
    // Day 3: the points covered unprompted on day 0 come due first; the reparameterization points, seen again on day 2, later.
    expect(progress.due.map((d) => [d.keyPointId, d.dueNow])).toEqual([
      ['few-modes', false],
      ['remedies', false],
      ['noise-outside', false],
      ['sampling-blocks-gradient', false],
    ]);
    const day5 = buildProgress(history, { now: T0 + 5 * DAY });
    expect(day5.due.every((d) => d.dueNow)).toBe(true);
    expect(day5.due[0]).toMatchObject({ questionId: 'vae-reparam', keyPointId: 'sampling-blocks-gradient' });
    const early = buildProgress(history, { now: T0 + 2 * DAY + 3_600_000 });
    const late = buildProgress(history, { now: T0 + 60 * DAY });
    expect(early.due.filter((d) => d.dueNow).length).toBeLessThan(late.due.filter((d) => d.dueNow).length);
    expect(late.due.every((d) => d.dueNow)).toBe(true);
  });

  it('gives a point missed twice an earlier due date than one covered twice unprompted', () => {
    const missedTwice = [0, 1].map((d) => session(`m${d}`, d, [reparam], (s) => [evaluation(s, 0, { 'sampling-blocks-gradient': 'missed', 'noise-outside': 'covered' })]));
    const p = buildProgress(missedTwice, { now: T0 + 4 * DAY });
    const missed = point(p, 'vae-reparam', 'sampling-blocks-gradient');
    const covered = point(p, 'vae-reparam', 'noise-outside');
    expect(missed.due).toBeLessThan(covered.due);
    expect(missed.recall).toBeLessThan(covered.recall);
  });

  it('is empty, not broken, for a profile with no practice', () => {
    const p = buildProgress([], { now });
    expect(p).toMatchObject({ topics: [], keyPoints: [], due: [], time: { totalMs: 0, sessions: 0, answers: 0, days: 0 } });
  });
});

describe('ratingOf: coverage to FSRS ratings', () => {
  it.each([
    ['missed', false, 1],
    ['contradicted', false, 1],
    ['partly', false, 2],
    ['covered', false, 2],
    ['covered', true, 3],
  ] as const)('%s (unprompted %s) rates %i', (status, unprompted, rating) => expect(ratingOf({ at: 0, status, unprompted })).toBe(rating));
});

describe('weakSpotTargets', () => {
  const now = T0 + 3 * DAY;
  const progress = buildProgress(history, { now });
  const all = new Set(['vae-reparam', 'gan-mode-collapse']);

  it('drills the question holding the weakest points; a point covered last time and not due is left out', () => {
    const targets = weakSpotTargets(progress, { now, questionCount: 1, available: all });
    expect(targets).toEqual([{ questionId: 'vae-reparam', keyPointIds: ['sampling-blocks-gradient'] }]);
    const day5 = T0 + 5 * DAY;
    expect(weakSpotTargets(buildProgress(history, { now: day5 }), { now: day5, questionCount: 1, available: all })).toEqual([
      { questionId: 'vae-reparam', keyPointIds: ['sampling-blocks-gradient', 'noise-outside'] },
    ]);
  });

  it('leaves out covered points that are not due, and questions the bank no longer has', () => {
    expect(weakSpotTargets(progress, { now, questionCount: 5, available: new Set(['gan-mode-collapse']) })).toEqual([]);
    const later = T0 + 90 * DAY;
    expect(weakSpotTargets(buildProgress(history, { now: later }), { now: later, questionCount: 5, available: all }).map((t) => t.questionId)).toEqual(['vae-reparam', 'gan-mode-collapse']);
  });
});
