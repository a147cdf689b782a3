import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/adapters/bank/load-bank.js';
import { offlineEvaluation } from '../../src/engine/interviewer/offline-interviewer.js';
import { runGroup } from '../support/process-group.js';

const BIN = path.resolve(import.meta.dirname, '../../src/cli/bin.js');
const grade = (input: string, ...args: string[]) =>
  runGroup(process.execPath, [BIN, 'grade', ...args], { input, timeoutMs: 30_000 });
const lines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

const QUESTION = 'What does a voltage reading of 1.5 tell you about the terminals?';
const good = { id: 'g1', question: QUESTION, reference: ['The terminals are separated by a gap.', 'The terminals are not connected.'], answer: 'They are not connected.' };
const wrong = { id: 7, question: QUESTION, reference: 'The terminals are not connected.', answer: 'The terminals are connected.' };
const withKeyPoints = {
  question: 'What is mode collapse?',
  reference: 'The generator produces only a few distinct outputs.',
  answer: 'The generator keeps giving the same output.',
  key_points: [{ id: 'definition', statement: 'The generator produces only a few distinct outputs.', weight: 1, cues: ['same output', 'lack of diversity'] }],
};

describe('probe grade', () => {
  it('writes one line per input line, in order, and an error line for each malformed one (exit 1)', async () => {
    const input = [
      JSON.stringify(good),
      '',
      '{"question": "broken json"',
      JSON.stringify(wrong),
      JSON.stringify({ id: 'x', question: QUESTION, answer: 'no reference here' }),
      JSON.stringify({ question: QUESTION, reference: 'r', answer: 42 }),
      '   ',
      JSON.stringify({ ...withKeyPoints, key_points: [{ id: 'Bad Id', statement: 'short', weight: 2, cues: [] }] }),
      JSON.stringify(withKeyPoints),
      '[1, 2]',
    ].join('\n');
    const r = await grade(`${input}\n`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const out = lines(r.stdout);
    expect(out).toHaveLength(8);

    expect(out[0]).toMatchObject({ id: 'g1', covered: ['ref-1-1'], missed: [], flags: [] });
    expect((out[0]?.keyPoints as { evidence: unknown }[])[0]?.evidence).toEqual([{ start: 9, end: 22, text: 'not connected' }]);
    expect(out[0]?.score).toBeGreaterThan(0.6);
    expect(out[0]?.score).toBe(Math.round((out[0]?.overall as number) * 10) / 1000);
    expect(out[1]).toMatchObject({ line: 3 });
    expect(out[1]?.error).toMatch(/^not valid JSON/);
    expect(out[2]).toMatchObject({ id: 7, covered: [], missed: ['ref-1'] });
    expect(out[2]?.score).toBeLessThan(0.3);
    expect(out[3]).toEqual({ line: 5, id: 'x', error: expect.stringContaining('missing "reference"') });
    expect(out[4]).toEqual({ line: 6, error: expect.stringMatching(/^"answer": .*expected string.*Fix: each line needs "question"/) });
    expect(out[5]).toMatchObject({ line: 8 });
    expect(out[5]?.error).toMatch(/"key_points\.0\.id": use lowercase letters/);
    expect(out[5]?.error).toMatch(/"key_points\.0\.cues": a key point needs at least one cue/);
    expect(out[6]).toMatchObject({ covered: ['definition'], flags: [] });
    expect(withKeyPoints.answer.slice(31, 42)).toBe('same output');
    expect(out[6]?.keyPoints).toEqual([
      { id: 'definition', statement: withKeyPoints.key_points[0]?.statement, weight: 1, status: 'covered', evidence: [{ start: 31, end: 42, text: 'same output' }], matched: ['same output'], negated: false },
    ]);
    expect((out[6]?.criteria as { id: string }[]).map((c) => c.id)).toEqual(['accuracy', 'completeness', 'depth', 'clarity']);
    expect(out[7]).toEqual({ line: 10, error: expect.stringMatching(/^expected a JSON object/) });
  });

  it('exits 0 when every line is graded, reading --input FILE', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'probe-grade-'));
    const file = path.join(dir, 'answers.jsonl');
    writeFileSync(file, `${JSON.stringify(good)}\r\n${JSON.stringify(wrong)}\r\n`);
    const r = await grade('', '--input', file);
    expect(r.status).toBe(0);
    expect(lines(r.stdout).map((o) => o.id)).toEqual(['g1', 7]);
  });

  it('usage errors exit 2', async () => {
    expect((await grade('', '--input', '/nonexistent/answers.jsonl')).status).toBe(2);
    const r = await grade('', '--frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
  });

  it('--help documents the line format and the exit codes', async () => {
    const r = await grade('', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('"reference": "..." | ["...", "..."]');
    expect(r.stdout).toContain('{"line": N, "error": "..."}');
    expect(r.stdout).toMatch(/Exit status: 0 when every line was graded, 1 when any line had an error, 2 for usage errors/);
  });
});

const STAR_ANSWER =
  'Our ticket summariser started inventing refund amounts one weekend. I switched the feature flag back to the old model within twenty minutes, ' +
  'then compared bad and good tickets and found a truncation change cut the amount off. We added regression tests and an alert on numbers ' +
  'that are not in the ticket; the rate went to zero over two months, and in the blameless review I owned that I had not tested long inputs.';

describe('probe grade: bank questions and rubrics, as the interview grades', () => {
  it('grades a question_id line on that question\'s reference, key points and rubric (STAR for a behavioral one)', async () => {
    const bank = await loadBank(path.resolve(import.meta.dirname, '../../rubrics'));
    const behavioral = bank.questions.find((q) => q.id === 'car-production-incident');
    const technical = bank.questions.find((q) => q.id === 'gan-conditional-gans');
    if (!behavioral || !technical) throw new Error('bank questions used by this test are missing');
    const ganAnswer = 'Both the generator and the discriminator get the label, so you can ask for a class; used for image-to-image translation.';
    const r = await grade([
      JSON.stringify({ id: 'b1', question_id: behavioral.id, answer: STAR_ANSWER }),
      JSON.stringify({ id: 't1', question_id: technical.id, answer: ganAnswer }),
    ].join('\n'));
    expect(r.status).toBe(0);
    const [b1, t1] = lines(r.stdout);
    const expected = offlineEvaluation({ question: behavioral, answer: STAR_ANSWER }).score;
    expect(b1).toMatchObject({ id: 'b1', question_id: behavioral.id, rubric: 'behavioral', overall: expected.overall });
    expect((b1?.criteria as { id: string }[]).map((c) => c.id)).toEqual(behavioral.rubric.criteria.map((c) => c.id));
    expect((b1?.keyPoints as { id: string }[]).map((k) => k.id)).toEqual(behavioral.keyPoints.map((k) => k.id));
    expect(t1).toMatchObject({ id: 't1', question_id: technical.id, rubric: 'technical', overall: offlineEvaluation({ question: technical, answer: ganAnswer }).score.overall });
  });

  it('grades an own question on a named rubric, and says what is wrong per line, naming the line', async () => {
    const own = { question: 'Tell me about a time a model misbehaved in production.', reference: 'We rolled back first, then found the cause, then added tests.', answer: STAR_ANSWER };
    const input = [
      JSON.stringify({ ...own, id: 'star', rubric: 'behavioral' }),
      JSON.stringify({ ...own, id: 'tech' }),
      JSON.stringify({ id: 'u', question_id: 'no-such-question', answer: 'x' }),
      JSON.stringify({ id: 'r', ...own, rubric: 'poetry' }),
      JSON.stringify({ id: 'c', question_id: 'car-production-incident', reference: 'mine', rubric: 'technical', answer: 'x' }),
      JSON.stringify({ id: 'm', answer: 'x', reference: 'y' }),
    ].join('\n');
    const r = await grade(input);
    expect(r.status).toBe(1);
    const out = lines(r.stdout);
    expect(out[0]).toMatchObject({ id: 'star', rubric: 'behavioral' });
    const starIds = (out[0]?.criteria as { id: string }[]).map((c) => c.id);
    expect(starIds).toEqual(expect.arrayContaining(['situation', 'action']));
    expect(starIds).not.toContain('accuracy');
    expect((out[1]?.criteria as { id: string }[]).map((c) => c.id)).toEqual(['accuracy', 'completeness', 'depth', 'clarity']);
    expect(out[1]).not.toHaveProperty('rubric');
    expect(out[2]).toEqual({ line: 3, id: 'u', error: expect.stringMatching(/^"question_id": no question "no-such-question" in the bank; `probe bank list` shows the ids/) });
    expect(out[3]).toEqual({ line: 4, id: 'r', error: expect.stringMatching(/^"rubric": no rubric "poetry"; use one of "technical", "behavioral"/) });
    expect(out[4]?.line).toBe(5);
    expect(out[4]?.error).toMatch(/"reference": not allowed with "question_id"/);
    expect(out[4]?.error).toMatch(/"rubric": not allowed with "question_id"/);
    expect(out[5]).toEqual({ line: 6, id: 'm', error: expect.stringMatching(/^"question": missing "question": give the question text, or "question_id" for a bank question/) });
  });

  it('a bank that cannot be read fails only the lines that need it, saying how to fix it', async () => {
    const input = [JSON.stringify({ question_id: 'gan-conditional-gans', answer: 'x' }), JSON.stringify(good)].join('\n');
    const r = await grade(input, '--bank', '/nonexistent/bank');
    expect(r.status).toBe(1);
    const [first, second] = lines(r.stdout);
    expect(first).toEqual({ line: 1, error: expect.stringMatching(/^cannot use the question bank in \/nonexistent\/bank .*pass --bank DIR$/) });
    expect(second).toMatchObject({ id: 'g1', covered: ['ref-1-1'] });
  });
});
