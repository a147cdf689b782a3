// The pure labels, routes and setup options of the web app.
import { describe, expect, it } from 'vitest';
import { formatClock, formatScore, interviewerLabel, plural, progressLabel, timerView } from '../../web/format.js';
import { parseRoute, routeHash, type Route } from '../../web/router.js';
import { createBody, DEFAULT_SETUP, matchingCount } from '../../web/setup-options.js';
import { CreateSessionBodySchema, type TopicView } from '../../src/protocol/http.js';

describe('labels', () => {
  it('shows progress with the follow-up only once one was asked', () => {
    expect(progressLabel({ questionNumber: 3, questionTotal: 8, followUp: 0, maxFollowUps: 2 })).toBe('Question 3 of 8');
    expect(progressLabel({ questionNumber: 3, questionTotal: 8, followUp: 1, maxFollowUps: 2 })).toBe('Question 3 of 8 · follow-up 1 of 2');
    expect(progressLabel({ questionNumber: 0, questionTotal: 0, followUp: 0, maxFollowUps: 0 })).toBe('Starting…');
    expect(progressLabel({ questionNumber: 0, questionTotal: 1, followUp: 0, maxFollowUps: 0 })).toBe('1 question');
    expect(progressLabel({ questionNumber: 0, questionTotal: 2, followUp: 0, maxFollowUps: 0 })).toBe('2 questions');
    expect([plural(0, 'probe'), plural(1, 'probe'), plural(2, 'probe')]).toEqual(['0 probes', '1 probe', '2 probes']);
  });

  it.each([
    [0, '0:00'],
    [59_999, '0:59'],
    [61_000, '1:01'],
    [3_723_000, '1:02:03'],
    [-5_000, '0:00'],
  ])('formats %i ms as %s', (ms, text) => expect(formatClock(ms)).toBe(text));

  it('counts up without a limit and down with one', () => {
    expect(timerView(1000, 66_000, null)).toEqual({ text: 'Time on this question 1:05', low: false });
    expect(timerView(0, 30_000, 120)).toEqual({ text: 'Time left 1:30', low: false });
    expect(timerView(0, 100_000, 120)).toEqual({ text: 'Time left 0:20', low: true });
  });

  it('names scores and interviewers', () => {
    expect(formatScore(71.6)).toBe('72');
    expect(formatScore(null)).toBe('–');
    expect(interviewerLabel('offline')).toContain('offline');
    expect(interviewerLabel('llm:gpt-4o-mini')).toBe('the model gpt-4o-mini');
  });
});

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { view: 'setup' }],
    ['#/', { view: 'setup' }],
    ['#/history', { view: 'history' }],
    ['#/interview/abc', { view: 'interview', id: 'abc' }],
    ['#/report/a%2Fb', { view: 'report', id: 'a/b' }],
    ['#/interview/', { view: 'setup' }],
    ['#main', { view: 'setup' }],
  ])('parses %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(routeHash(route))).toEqual(route);
  });
});

describe('setup options', () => {
  const topic = (id: string, counts: [number, number, number]): TopicView => ({ id, title: id, description: '', questionCount: counts[0] + counts[1] + counts[2], byDifficulty: { 1: counts[0], 2: counts[1], 3: counts[2] } });
  const topics = [topic('gans', [2, 3, 1]), topic('vaes', [1, 1, 1])];

  it('counts matching questions by topic and level', () => {
    expect(matchingCount(topics, { topics: [], difficultyMin: 1, difficultyMax: 3 })).toBe(9);
    expect(matchingCount(topics, { topics: ['gans'], difficultyMin: 2, difficultyMax: 3 })).toBe(4);
    expect(matchingCount(topics, { topics: ['vaes'], difficultyMin: 3, difficultyMax: 1 })).toBe(3);
  });

  it('builds a body the server accepts, with the range ordered', () => {
    const body = createBody({ ...DEFAULT_SETUP, mode: 'drill', topics: ['gans'], difficultyMin: 3, difficultyMax: 2, questionTimeLimitSeconds: 120 });
    expect(body).toEqual({ mode: 'drill', topics: ['gans'], difficulty: { min: 2, max: 3 }, questionCount: 5, maxFollowUps: 2, questionTimeLimitSeconds: 120 });
    expect(CreateSessionBodySchema.safeParse(body).success).toBe(true);
    expect(createBody(DEFAULT_SETUP)).not.toHaveProperty('questionTimeLimitSeconds');
  });
});
