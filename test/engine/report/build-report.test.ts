import { beforeAll, describe, expect, it } from 'vitest';
import type { Bank } from '../../../src/engine/bank/schema.js';
import { attemptLabel } from '../../../src/engine/report/answer-labels.js';
import { buildReport } from '../../../src/engine/report/build-report.js';
import { ReportSchema, type Report } from '../../../src/engine/report/report-schema.js';
import { step } from '../../../src/engine/step.js';
import { initialState, latestEvaluation, type SessionState } from '../../../src/engine/state.js';
import {
  DECIDE_USAGE,
  DROPPED_QUOTE,
  drill,
  endedAfterOne,
  endedBeforeAnswering,
  HOSTILE,
  JUDGE_FALLBACK,
  JUDGE_USAGE,
  LINE_FALLBACK,
  LINE_USAGE,
  llmWithFallback,
  offlineMock,
} from './scenarios.js';
import { planOf, realBank, replay, Session, T0 } from './sessions.js';
import { cueJudge } from './cue-judge.js';

let bank: Bank;
beforeAll(async () => {
  bank = await realBank();
});

const meta = (id: string) => ({ sessionId: id, createdAt: T0, generatedAt: T0 + 3_600_000 });
const report = (s: Session): Report => {
  const r = buildReport(s.state, meta(s.id));
  expect(ReportSchema.safeParse(r).error).toBeUndefined();
  return r;
};
const latest = (state: SessionState, i: number) => latestEvaluation(state.questions[i] as SessionState['questions'][number])?.score.overall ?? NaN;

describe('offline mock interview (real offline scorer)', () => {
  it('weights the answered questions by difficulty and counts the skipped one as 0', () => {
    const s = offlineMock(bank);
    const r = report(s);
    const [q1, q2] = [latest(s.state, 0), latest(s.state, 1)];
    // gan-what-is-a-gan (entry, ×1), vae-elbo-loss (mid, ×1.5), tf-decoding-strategies (entry, skipped: 0 × 1).
    expect(r.overall.score).toBe(Math.round((q1 * 1 + q2 * 1.5 + 0 * 1) / 3.5));
    expect(r.overall).toMatchObject({ answered: 2, skipped: 1, counted: 3, notCounted: 0, total: 3 });
    expect(r.questions.map((q) => [q.status, q.score])).toEqual([['answered', q1], ['answered', q2], ['skipped', 0]]);
    expect(r.topics.find((t) => t.id === 'transformers')?.score).toBe(0);
    expect(r.status).toBe('completed');
  });

  it('keeps every answer with the follow-up it answered, raw (escaping is the renderers\' job)', () => {
    const q = report(offlineMock(bank)).questions[0];
    expect(q?.exchanges.map((e) => e.askedKind)).toEqual(['question', 'follow-up']);
    expect(q?.exchanges[0]?.answer).toContain(HOSTILE.img);
    expect(q?.exchanges[1]?.asked).toMatch(/discriminator's output/);
    expect(q?.exchanges[1]?.target).toBe('equilibrium');
    expect(q?.keyPoints.find((k) => k.id === 'two-networks')?.evidence.join(' ')).toMatch(/generator/);
    expect(q?.criteria.map((c) => c.id)).toEqual(['accuracy', 'completeness', 'depth', 'clarity']);
    expect(q?.criteria.every((c) => c.descriptor !== null)).toBe(true);
    expect(q?.referenceAnswer).toMatch(/^A GAN trains two networks/);
  });

  it('ranks the skipped question as the top gap, names it by number, score and topic title, never the guide', () => {
    const r = report(offlineMock(bank));
    expect(r.gaps[0]).toMatchObject({ rank: 1, beyondGuide: true, source: 'transformers', title: 'Transformers and attention', missedWeight: 1, questions: [{ number: 3, score: 0 }] });
    expect(r.gaps[0]?.study).toBe('Compare your answer to question 3 (0/100) with its reference answer and key points in this report.');
    // The answered questions' topics follow, weakest question first.
    const rest = r.gaps.slice(1);
    expect(rest.map((g) => g.questions[0]?.score)).toEqual(rest.map((g) => g.questions[0]?.score).sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(r.verdict).toBe('You have the outline of good answers; build depth next, starting with question 3 (0/100, on Transformers and attention).');
    expect(JSON.stringify([r.verdict, r.gaps, r.strengths])).not.toMatch(/guide section|beyond the guide/i);
    expect(r.topics.map((t) => t.title)).toEqual(['Generative Adversarial Networks', 'Variational Autoencoders', 'Transformers and attention']);
  });

  it('says it ran offline, with no usage, and carries the bank version', () => {
    const p = report(offlineMock(bank)).provenance;
    expect(p).toMatchObject({ method: 'offline', models: [], fallbacks: [], fallbackLines: [], usage: null, bankVersion: bank.version, droppedClaims: 0 });
    expect(p.summary).toMatch(/offline.*no LLM/);
  });
});

describe('drill', () => {
  it('reports the probes each key point needed, the hint, and matches the engine\'s own counts', () => {
    const s = drill(bank);
    const r = report(s);
    const vae = r.drill?.probes.filter((p) => p.questionId === 'vae-vs-autoencoder');
    expect(vae?.map((p) => [p.keyPointId, p.probes, p.hinted, p.status])).toEqual([
      ['deterministic-ae', 0, false, 'covered'],
      ['encoder-distribution', 1, true, 'covered'],
      ['kl-prior', 2, false, 'covered'],
      ['sample-and-generate', 1, false, 'covered'],
    ]);
    expect(Object.fromEntries(vae?.filter((p) => p.probes > 0).map((p) => [p.keyPointId, p.probes]) ?? [])).toEqual(s.state.questions[0]?.probes);
    const cgan = r.drill?.probes.find((p) => p.keyPointId === 'applications');
    expect(cgan).toMatchObject({ questionNumber: 2, probes: 1, status: 'missed' });
  });

  it('scores 85 (100 and 70, both entry level) with the conditional-GAN question as the one gap', () => {
    const r = report(drill(bank));
    expect(r.overall.score).toBe(85);
    expect(r.overall.band).toBe('strong');
    expect(r.gaps).toHaveLength(1);
    expect(r.gaps[0]).toMatchObject({ title: 'Generative Adversarial Networks', missedWeight: 0.3, beyondGuide: false, questions: [{ number: 2, score: 70 }] });
    expect(r.verdict).toBe('Strong, well-grounded answers; to make them airtight, revisit question 2 (70/100, on Generative Adversarial Networks).');
    expect(r.questions[0]?.hints).toEqual(['encoder-distribution']);
    expect(r.questions[0]?.exchanges.map((e) => e.askedKind)).toEqual(['question', 'hint', 'follow-up', 'follow-up', 'follow-up']);
    expect(r.strengths[0]).toMatchObject({ kind: 'section', title: 'Variational Autoencoders' });
  });
});

describe('drill with a retry', () => {
  it('keeps the first attempt, its hint and its probes beside the attempt that counts', () => {
    const plan = planOf(bank, ['vae-vs-autoencoder'], { mode: 'drill', maxFollowUps: 2 });
    const s = new Session(plan, { judge: cueJudge }, 'drill-retry');
    s.start();
    s.act('hint');
    s.answer('The VAE encoder outputs a mean and variance, so it encodes a distribution per input.');
    s.answer('Hmm, I am not sure what else to add here.');
    s.act('retry');
    s.answer('A plain autoencoder is deterministic. The VAE encoder outputs a distribution, the KL term pulls codes toward a standard normal prior, and you decode a random z to get new samples.');
    const r = report(s);
    const q = r.questions[0];
    expect(q?.attempts).toBe(2);
    expect(q?.earlierAttempts).toHaveLength(1);
    const first = q?.earlierAttempts[0];
    expect(first?.attempt).toBe(1);
    expect(first?.hints).toEqual(['encoder-distribution']);
    expect(first?.exchanges.map((e) => e.answer)).toEqual([
      'The VAE encoder outputs a mean and variance, so it encodes a distribution per input.',
      'Hmm, I am not sure what else to add here.',
    ]);
    expect(first?.score).not.toBeNull();
    expect(first?.followUps).toBeGreaterThan(0);
    // The probes table adds both attempts up: the hint and the first attempt's probes stay.
    const probes = r.drill?.probes ?? [];
    expect(probes.find((p) => p.keyPointId === 'encoder-distribution')?.hinted).toBe(true);
    // First attempt: probes on kl-prior and sample-and-generate; the retry: one on encoder-distribution.
    expect(probes.map((p) => [p.keyPointId, p.probes])).toEqual([['deterministic-ae', 0], ['encoder-distribution', 1], ['kl-prior', 1], ['sample-and-generate', 1]]);
    expect(first?.followUps).toBe(2);
    // Every format words the attempt the same way, and the report keeps it.
    expect(attemptLabel(first as NonNullable<typeof first>)).toMatch(/^Attempt 1, before a retry: score \d+\/100 · with a hint · 2 follow-ups$/);
  });
});

describe('LLM session with fallbacks', () => {
  it('scores what the LLM judge and the fallback scorer recorded: (60 × 1 + 88 × 1.5) / 2.5 = 77', () => {
    const r = report(llmWithFallback(bank));
    expect(r.questions.map((q) => q.score)).toEqual([60, 88]);
    expect(r.overall.score).toBe(77);
    expect(r.overall.band).toBe('solid');
    // Question 2 (88) is in the strong band: advice never sends the candidate back to it.
    expect(r.gaps.map((g) => [g.title, g.missedWeight, g.questions])).toEqual([['Transformers and attention', 0.15, [{ number: 1, score: 60 }]]]);
  });

  it('records which scorer scored each question, the dropped claim and the disagreement', () => {
    const [q1, q2] = report(llmWithFallback(bank)).questions;
    expect(q1?.scoring).toEqual({
      scorer: 'llm',
      model: 'test-model',
      fallback: null,
      droppedClaims: [{ keyPointId: 'scaling-sqrt-dk', quote: DROPPED_QUOTE }],
      disagreement: true,
      offlineScore: 85,
      usage: JUDGE_USAGE,
    });
    expect(q2?.scoring).toMatchObject({ scorer: 'offline-fallback', model: 'test-model', fallback: JUDGE_FALLBACK, offlineScore: null });
  });

  it('lists every fallback with its reason, the lines that fell back, and the token usage', () => {
    const p = report(llmWithFallback(bank)).provenance;
    expect(p.method).toBe('llm-with-fallback');
    expect(p.models).toEqual(['test-model']);
    expect(p.fallbacks.map((f) => [f.where, f.questionNumber, f.reason])).toEqual([
      ['line', 1, LINE_FALLBACK],
      ['judge', 2, JUDGE_FALLBACK],
      ['line', 2, LINE_FALLBACK],
      ['judge', 2, JUDGE_FALLBACK],
    ]);
    expect(p.fallbackLines.map((l) => [l.kind, l.questionNumber, l.by, l.reason])).toEqual([
      ['follow-up', 1, 'offline', LINE_FALLBACK],
      ['follow-up', 2, 'offline', LINE_FALLBACK],
    ]);
    // 4 LLM lines (opening, two questions, closing), 4 decisions, 2 LLM judgements; fallbacks cost nothing.
    const prompt = 4 * LINE_USAGE.promptTokens + 4 * DECIDE_USAGE.promptTokens + 2 * JUDGE_USAGE.promptTokens;
    const completion = 4 * LINE_USAGE.completionTokens + 4 * DECIDE_USAGE.completionTokens + 2 * JUDGE_USAGE.completionTokens;
    expect(p.usage).toEqual({ promptTokens: prompt, completionTokens: completion, totalTokens: prompt + completion, calls: 10 });
    expect(p.usage?.totalTokens).toBe(2060);
    expect(p.disagreements).toEqual([{ questionNumber: 1, score: 60, offlineScore: 85 }]);
    expect(p.droppedClaims).toBe(1);
    expect(p.summary).toBe(
      'Run with an LLM (test-model): it phrased 4 of 6 interviewer lines and scored 2 of 4 answers. The offline interviewer or scorer stood in on 2 lines, 2 answers because the LLM call failed (listed with the reason).',
    );
    expect(p.mix).toEqual({ lines: { llm: 4, standIn: 2, total: 6 }, judgements: { llm: 2, capped: 0, standIn: 2, total: 4 }, decisions: { standIn: 0 } });
  });
});

describe('sessions ended early', () => {
  it('after one question: only that question counts, the rest are marked and left out', () => {
    const r = report(endedAfterOne(bank));
    expect(r.status).toBe('ended-early');
    expect(r.overall).toMatchObject({ score: 70, answered: 1, counted: 1, notCounted: 2 });
    expect(r.questions.map((q) => [q.status, q.score])).toEqual([['answered', 70], ['unanswered', null], ['not-reached', null]]);
    expect(r.questions[1]?.keyPoints.every((k) => k.status === null)).toBe(true);
    expect(r.topics.map((t) => [t.id, t.score])).toEqual([['evaluation', 70], ['gans', null], ['llms', null]]);
    expect(r.gaps.map((g) => g.title)).toEqual(['Evaluating generative models']);
    expect(r.gaps[0]?.points.map((p) => [p.keyPointId, p.missedWeight])).toEqual([['fid-requirements', 0.2], ['is-needs-no-real-data', 0.1]]);
  });

  it('before any answer, or before the start: a valid report with no overall', () => {
    const none = report(endedBeforeAnswering(bank));
    expect(none.overall.score).toBeNull();
    expect(none.verdict).toMatch(/^Nothing was scored yet/);
    expect(none.gaps).toEqual([]);
    expect(none.criteria).toEqual([]);
    const plan = planOf(bank, ['eval-is-vs-fid'], {});
    const never = step(initialState('s0', plan), { type: 'end', at: T0 }).state;
    const r = buildReport(never, meta('s0'));
    expect(ReportSchema.safeParse(r).success).toBe(true);
    expect(r.questions[0]?.status).toBe('not-reached');
  });

  it('a timed-out question counts as 0 and is marked so', () => {
    const plan = planOf(bank, ['eval-is-vs-fid', 'gan-training-loop'], { questionTimeLimitSeconds: 60, maxFollowUps: 0 });
    const s = new Session(plan, { judge: cueJudge }, 'timed');
    s.start();
    s.send({ type: 'timeout', at: s.at(), scope: 'question', questionIndex: 0 });
    s.answer('Alternate a discriminator step and a generator step.');
    const r = report(s);
    expect(r.questions[0]).toMatchObject({ status: 'timed-out', score: 0 });
    expect(r.overall.timedOut).toBe(1);
    const q2 = r.questions[1]?.score ?? NaN;
    expect(r.overall.score).toBe(Math.round((0 * 1 + q2 * 1.5) / 2.5));
  });
});

describe('rebuilding', () => {
  it('the report of a session rebuilt from its stored events equals the live one', () => {
    for (const make of [offlineMock, drill, llmWithFallback, endedAfterOne]) {
      const s = make(bank);
      const rebuilt = replay(s.plan, s.id, s.events);
      expect(buildReport(rebuilt, meta(s.id))).toEqual(buildReport(s.state, meta(s.id)));
    }
  });
});
