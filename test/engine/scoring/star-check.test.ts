// The worst STAR regressions over the behavioural check set (test/fixtures/star-check), scored as the
// interview scores them: strong stories in band, "I would" plans never strong, keyword lists low, the
// "we" retelling below the "I" story, and criterion reasons that name the STAR part that is missing.
// In-band rates per kind are reported by `npm run bench:star`; this test holds the lines.
import { describe, expect, it } from 'vitest';
import { StarKindSchema, type StarKind } from '../../fixtures/star-check/check-schema.js';
import { loadStarCheck } from '../../fixtures/star-check/load-star-check.js';
import { loadCalibration } from '../../fixtures/calibration/load-calibration.js';
import { buildReport } from '../../../src/engine/report/build-report.js';
import { offlineEvaluation } from '../../../src/engine/interviewer/offline-interviewer.js';
import { drillFeedback } from '../../../src/engine/drill-feedback.js';
import { planOf, Session, T0 } from '../report/sessions.js';
import { bank, gradeBank } from './bank-grade.js';

const check = loadStarCheck();
const scored = check.map((a) => ({ ...a, score: gradeBank(a.questionId, a.text) }));
const ofKind = (kind: StarKind) => scored.filter((a) => a.kind === kind);
const level = (a: (typeof scored)[number], id: string) => a.score.criteria.find((c) => c.id === id)?.level ?? -1;
const reason = (a: (typeof scored)[number], id: string) => a.score.criteria.find((c) => c.id === id)?.reason ?? '';
const behavioural = bank.questions.filter((q) => q.kind === 'behavioral');

describe('STAR check set', () => {
  it('answers every behavioural bank question with all nine kinds', () => {
    expect(behavioural.length).toBeGreaterThanOrEqual(5);
    for (const q of behavioural) {
      const kinds = check.filter((a) => a.questionId === q.id).map((a) => a.kind);
      expect([...new Set(kinds)].sort(), q.id).toEqual([...StarKindSchema.options].sort());
    }
  });

  it('copies no run of nine words from its question\'s bank text', () => {
    const words = (t: string) => t.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const runs = (t: string) => {
      const w = words(t);
      return new Set(w.slice(0, Math.max(0, w.length - 8)).map((_, i) => w.slice(i, i + 9).join(' ')));
    };
    const copied = check.flatMap((a) => {
      const q = behavioural.find((x) => x.id === a.questionId);
      const source = q ? [q.referenceAnswer, q.prompt, ...q.keyPoints.flatMap((k) => [k.statement, k.hint ?? ''])].join(' \n ') : '';
      const bankRuns = runs(source);
      return [...runs(a.text)].filter((r) => bankRuns.has(r)).map((r) => `${a.id}: "${r}"`);
    });
    expect(copied).toEqual([]);
  });
});

describe('STAR scoring on the check set', () => {
  it('scores every strong, specific story at 75 or more', () => {
    const low = ofKind('strong-specific').filter((a) => a.score.overall < 75).map((a) => `${a.id}: ${a.score.overall}`);
    expect(low).toEqual([]);
  });

  it('keeps strong plain and hedged stories out of the weak range', () => {
    for (const a of [...ofKind('strong-plain'), ...ofKind('hedged')]) expect(a.score.overall, a.id).toBeGreaterThanOrEqual(a.band[0]);
  });

  it('never puts a hypothetical "I would ..." answer in the strong band, nor credits it with actions', () => {
    for (const a of ofKind('hypothetical')) {
      expect(a.score.overall, a.id).toBeLessThan(35);
      expect(level(a, 'action'), a.id).toBeLessThanOrEqual(1);
      expect(reason(a, 'action'), a.id).toMatch(/what you would do/);
    }
  });

  it('never scores a STAR keyword list above 35 (check set and calibration suite)', () => {
    const lists = [
      ...ofKind('vocabulary-list').map((a) => ({ id: a.id, overall: a.score.overall })),
      ...loadCalibration()
        .filter((a) => a.kind === 'keyword-list' && behavioural.some((q) => q.id === a.questionId))
        .map((a) => ({ id: a.id, overall: gradeBank(a.questionId, a.text).overall })),
    ];
    expect(lists.length).toBeGreaterThanOrEqual(8);
    expect(lists.filter((a) => a.overall > 35).map((a) => `${a.id}: ${a.overall}`)).toEqual([]);
  });

  it('scores the "we" retelling of a story below the "I" story, and lower on action', () => {
    for (const q of behavioural) {
      const mine = scored.find((a) => a.questionId === q.id && a.kind === 'strong-specific');
      const ours = scored.find((a) => a.questionId === q.id && a.kind === 'we-only');
      if (!mine || !ours) throw new Error(`${q.id}: missing strong-specific or we-only`);
      expect(ours.score.overall, q.id).toBeLessThan(mine.score.overall - 10);
      expect(level(ours, 'action'), q.id).toBeLessThan(level(mine, 'action'));
      expect(reason(ours, 'action'), q.id).toMatch(/"we" did, not what you yourself did/);
    }
  });

  it('gives a story that stops at the actions no result, says so, and keeps it below the strong one', () => {
    for (const a of ofKind('no-result')) {
      expect(level(a, 'result'), a.id).toBeLessThanOrEqual(1);
      expect(reason(a, 'result'), a.id).toMatch(/^Result: no outcome/);
      const strong = scored.find((s) => s.questionId === a.questionId && s.kind === 'strong-specific');
      expect(a.score.overall, a.id).toBeLessThan((strong?.score.overall ?? 0) - 20);
    }
  });

  it('scores a polite non-answer 0 on every criterion', () => {
    for (const a of ofKind('non-answer')) {
      expect(a.score.overall, a.id).toBe(0);
      expect(a.score.criteria.every((c) => c.level === 0), a.id).toBe(true);
    }
  });

  it('keeps at least 40 of the 45 check answers in band (41 when written; off-topic stories are the known gap)', () => {
    const inBand = scored.filter((a) => a.score.overall >= a.band[0] && a.score.overall <= a.band[1]);
    expect(inBand.length).toBeGreaterThanOrEqual(40);
  });
});

describe('STAR answers written to fool the reader', () => {
  const ask = (text: string) => gradeBank('car-production-incident', text);

  it.each([
    ['STAR words run together', 'Project deadline team result improved, lessons learned, next time, I owned it and shipped.'],
    ['bare verbs with nothing acted on', 'I led. I owned. I shipped. I fixed. I improved. Results improved by 50%. I learned a lot. Next time I would do better.'],
    ['a STAR template with nothing in it', 'Situation: there was a project. Task: deliver it. Action: I did my best and worked hard. Result: it went well. Reflection: I learned a lot.'],
  ])('%s stays below 35', (_name, text) => {
    expect(ask(text).overall).toBeLessThan(35);
  });

  it('gives a real, short story more than the same words as a template', () => {
    const story = ask(
      'Our refund classifier started approving fraud after a retrain. I rolled back within the hour, traced it to mislabelled training rows and relabelled them. Fraud approvals fell back to 0.2 percent, and I now review label samples before every retrain.',
    );
    const template = ask('Situation: there was a project. Task: deliver it. Action: I did my best and worked hard. Result: it went well. Reflection: I learned a lot.');
    expect(story.overall).toBeGreaterThan(template.overall + 30);
  });
});

describe('what the candidate is told about a behavioural answer', () => {
  const answerOf = (questionId: string, kind: StarKind) => {
    const a = check.find((x) => x.questionId === questionId && x.kind === kind);
    if (!a) throw new Error(`${questionId}: no ${kind} answer`);
    return a.text;
  };

  it('the report names the STAR part that is missing (no result; "we" instead of "I"; only "I would")', () => {
    const plan = planOf(bank, ['car-production-incident', 'car-model-size-tradeoff', 'car-fast-ramp-up'], { mode: 'mock', maxFollowUps: 0 });
    const s = new Session(plan, { judge: (question, answer) => offlineEvaluation({ question, answer }) }, 'star-report');
    s.start();
    s.answer(answerOf('car-production-incident', 'no-result'));
    s.answer(answerOf('car-model-size-tradeoff', 'we-only'));
    s.answer(answerOf('car-fast-ramp-up', 'hypothetical'));
    const report = buildReport(s.state, { sessionId: s.id, createdAt: T0, generatedAt: T0 + 3_600_000 });
    const why = (n: number, id: string) => report.questions[n]?.criteria.find((c) => c.id === id)?.reason ?? '';
    expect(report.questions.map((q) => q.kind)).toEqual(['behavioral', 'behavioral', 'behavioral']);
    expect(why(0, 'result')).toMatch(/no outcome/);
    expect(why(1, 'action')).toMatch(/"we" did, not what you yourself did/);
    expect(why(2, 'action')).toMatch(/what you would do, not what you did/);
    expect(why(2, 'situation')).toMatch(/no real event/);
  });

  it('drill feedback lists the result key point as missed when the story stops at the actions', () => {
    for (const q of behavioural) {
      const feedback = drillFeedback(q, offlineEvaluation({ question: q, answer: answerOf(q.id, 'no-result') }));
      expect(feedback.missed.map((m) => m.id), q.id).toContainEqual(expect.stringMatching(/result/));
    }
  });
});
