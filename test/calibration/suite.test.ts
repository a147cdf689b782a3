// Checks the bank calibration suite itself: it loads, covers the bank's topics with every kind of
// answer, its bands follow the suite's rules, its wrong answers name real key points, and its text is
// our own (no run of nine words shared with the bank's reference answers, key points or hints).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/adapters/bank/load-bank.js';
import type { Bank } from '../../src/engine/bank/schema.js';
import { AnswerKindSchema, type CalibrationAnswer } from '../fixtures/calibration/calibration-schema.js';
import { CalibrationInvalid, loadCalibration } from '../fixtures/calibration/load-calibration.js';

let bank: Bank;
let answers: CalibrationAnswer[];
beforeAll(async () => {
  bank = await loadBank(path.resolve(import.meta.dirname, '../../rubrics'));
  answers = loadCalibration();
});

// A sentence copied from the bank shares a long run of words; short technical phrases ("the decoder
// ignores z") are how everyone says it and do not count.
const RUN = 9;
const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
const shingles = (text: string, n: number): Set<string> => {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
};

describe('bank calibration suite', () => {
  it('answers at least 24 bank questions (2+ behavioral) across every topic, each with all eight kinds', () => {
    const byQuestion = new Map<string, CalibrationAnswer[]>();
    for (const a of answers) byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a]);
    expect(byQuestion.size).toBeGreaterThanOrEqual(24);
    const questions = [...byQuestion.keys()].map((id) => bank.questions.find((q) => q.id === id));
    expect(questions.filter((q) => q === undefined)).toEqual([]);
    expect(questions.filter((q) => q?.kind === 'behavioral').length).toBeGreaterThanOrEqual(2);
    const topicsWithQuestions = new Set(bank.questions.map((q) => q.topic));
    expect(new Set(questions.map((q) => q?.topic))).toEqual(topicsWithQuestions);
    for (const [id, rows] of byQuestion) {
      expect([...new Set(rows.map((r) => r.kind))].sort(), id).toEqual([...AnswerKindSchema.options].sort());
    }
  });

  it('keeps bands within the rules a fair interviewer applies to each kind', () => {
    const limits: Record<string, (band: [number, number]) => boolean> = {
      'strong-own-words': ([lo]) => lo >= 70,
      'strong-plain': ([lo]) => lo >= 70,
      hedged: ([lo]) => lo >= 55,
      partial: ([lo, hi]) => lo >= 20 && hi <= 75,
      'keyword-list': ([, hi]) => hi <= 35,
      wrong: ([, hi]) => hi <= 30,
      'off-topic': ([, hi]) => hi <= 10,
      'non-answer': ([lo, hi]) => lo === 0 && hi === 0,
    };
    const broken = answers.filter((a) => !limits[a.kind]?.(a.band)).map((a) => `${a.id} ${JSON.stringify(a.band)}`);
    expect(broken).toEqual([]);
  });

  it('names, for every wrong answer, key points of its own question', () => {
    for (const a of answers.filter((x) => x.kind === 'wrong')) {
      const ids = bank.questions.find((q) => q.id === a.questionId)?.keyPoints.map((k) => k.id) ?? [];
      expect(a.contradicts.length, a.id).toBeGreaterThan(0);
      for (const c of a.contradicts) expect(ids, `${a.id} contradicts ${c}`).toContain(c);
    }
  });

  it('words every non-answer differently, never as the stock "I don\'t know"', () => {
    const texts = answers.filter((a) => a.kind === 'non-answer').map((a) => a.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.filter((t) => /\b(i )?(don'?t|do not) know\b/.test(t))).toEqual([]);
  });

  it('copies no run of nine words from the bank text of its question', () => {
    const copied: string[] = [];
    for (const a of answers) {
      const q = bank.questions.find((x) => x.id === a.questionId);
      if (!q) continue;
      const source = [q.referenceAnswer, q.prompt, ...q.keyPoints.flatMap((k) => [k.statement, k.hint ?? '']), ...q.followUps.map((f) => f.prompt)];
      const bankShingles = new Set(source.flatMap((s) => [...shingles(s, RUN)]));
      for (const s of shingles(a.text, RUN)) if (bankShingles.has(s)) copied.push(`${a.id}: "${s}"`);
    }
    expect(copied).toEqual([]);
  });
});

describe('loadCalibration', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'probe-calibration-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const problemsFor = (yaml: string): string[] => {
    writeFileSync(path.join(dir, 'suite.yaml'), yaml);
    try {
      loadCalibration(dir);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(CalibrationInvalid);
      return (error as CalibrationInvalid).problems;
    }
  };

  it('reads a valid file into flat answers with stable ids', () => {
    const ok = 'questions:\n  - question: q-one\n    answers:\n      - {kind: wrong, band: [0, 20], text: "reversed", contradicts: [kp-a]}\n      - {kind: partial, band: [30, 60], text: "half"}\n      - {kind: partial, band: [30, 60], text: "other half"}\n';
    expect(problemsFor(ok)).toEqual([]);
    expect(loadCalibration(dir).map((a) => a.id)).toEqual(['suite.yaml#q-one/wrong', 'suite.yaml#q-one/partial', 'suite.yaml#q-one/partial-2']);
  });

  it.each([
    ['a wrong answer without contradicts', '{kind: wrong, band: [0, 20], text: "x"}', /contradicts.*names the key points/],
    ['a reversed band', '{kind: partial, band: [60, 30], text: "x"}', /band.*low <= high/],
    ['an unknown kind', '{kind: brilliant, band: [0, 20], text: "x"}', /kind/],
    ['an empty text', '{kind: partial, band: [0, 20], text: "  "}', /text/],
    ['contradicts on a non-wrong answer', '{kind: partial, band: [0, 20], text: "x", contradicts: [kp]}', /only wrong answers/],
  ])('rejects %s, naming the file and path', (_name, answer, message) => {
    const problems = problemsFor(`questions:\n  - question: q\n    answers:\n      - ${answer}\n`);
    expect(problems.join('\n')).toMatch(/^suite\.yaml: "questions\.0\.answers\.0/);
    expect(problems.join('\n')).toMatch(message);
  });

  it('rejects text that is not YAML', () => {
    expect(problemsFor('questions: [\n')[0]).toMatch(/^suite\.yaml: not valid YAML/);
  });
});
