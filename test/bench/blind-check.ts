// The blind check set (test/fixtures/blind-check) as a report: 120 answers to 30 bank questions
// written by someone who had not seen the scorer, its cues or its results, and never tuned on.
// Per kind: in band, mean, answers told "Contradicted"; and how often the fluent wrong answer
// outscores the partial one on the same question. `npx tsx test/bench/blind-check.ts [bank-dir]`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { loadBank } from '../../src/adapters/bank/load-bank.js';
import { findGraderAddress } from '../../src/engine/scoring/grader-address.js';
import { NON_ANSWER_FLAGS } from '../../src/engine/scoring/offline-scorer.js';
import { loadCalibration } from '../fixtures/calibration/load-calibration.js';
import { scoreCalibration, type ScoredAnswer } from './bank-calibration.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BLIND_DIR = path.join(REPO_ROOT, 'test/fixtures/blind-check');
/** Replies that must earn nothing (non-answers, off-topic answers, keyword lists) and grader-address cases, written blind. */
export const BLIND_NONANSWER_DIR = path.join(REPO_ROOT, 'test/fixtures/blind-nonanswers');
/** The behavioural (STAR) blind set: 40 stories to the 5 behavioural questions, written under the same rules. */
export const BLIND_STAR_DIR = path.join(REPO_ROOT, 'test/fixtures/blind-star');

/** True when the scorer named the reply a non-answer (empty, don't know, gibberish, off-topic). */
export const namedNonAnswer = (flags: readonly string[]): boolean => flags.some((f) => (NON_ANSWER_FLAGS as ReadonlySet<string>).has(f));

const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export interface BlindSummary {
  rows: string[];
  wrongAbovePartial: number;
  questions: number;
  namedFound: number;
  named: number;
}

/** Table rows per kind, and the wrong-above-partial count. */
export function summariseBlind(answers: ScoredAnswer[]): BlindSummary {
  const kinds = [...new Set(answers.map((a) => a.kind))];
  const rows = kinds.map((kind) => {
    const of = answers.filter((a) => a.kind === kind);
    const inBand = of.filter((a) => a.miss === 0).length;
    const told = of.filter((a) => a.contradicted.length > 0).length;
    return `| ${kind} | ${of.length} | ${inBand} (${Math.round((100 * inBand) / of.length)}%) | ${mean(of.map((a) => a.overall)).toFixed(1)} | ${told} |`;
  });
  const questions = [...new Set(answers.map((a) => a.questionId))];
  const wrongAbovePartial = questions.filter((q) => {
    const partial = answers.filter((a) => a.questionId === q && a.kind === 'partial').map((a) => a.overall);
    const wrong = answers.filter((a) => a.questionId === q && a.kind === 'wrong').map((a) => a.overall);
    return partial.length > 0 && wrong.length > 0 && Math.max(...wrong) > Math.min(...partial);
  }).length;
  const wrong = answers.filter((a) => a.kind === 'wrong');
  const namedFound = wrong.reduce((n, a) => n + (a.contradicts ?? []).filter((id) => a.contradicted.includes(id)).length, 0);
  const named = wrong.reduce((n, a) => n + (a.contradicts ?? []).length, 0);
  return { rows, wrongAbovePartial, questions: questions.length, namedFound, named };
}

/** Scores a blind set (default: the technical one) against a bank folder (default: the repository's rubrics/). */
export async function scoreBlind(bankDir: string = path.join(REPO_ROOT, 'rubrics'), dir: string = BLIND_DIR): Promise<ScoredAnswer[]> {
  return scoreCalibration(await loadBank(bankDir), loadCalibration(dir)).answers;
}

/** The set's paragraph and table for docs/benchmarks.md. */
export async function renderBlind(bankDir?: string): Promise<string> {
  const answers = await scoreBlind(bankDir);
  const s = summariseBlind(answers);
  return [
    `Blind check set (test/fixtures/blind-check, \`npx tsx test/bench/blind-check.ts\`): ${answers.length} answers to ${s.questions} bank questions,`,
    'written on 2026-12-01 by a helper who did not read the scorer, the bank\'s cues, the other fixtures or these numbers, and never',
    'ran an answer through the scorer; never used for tuning. Four per question: strong in own words, partial, fluent wrong (2-4',
    'facts reversed or swapped, the key points named), hedged. Now:',
    '',
    '| Kind | Answers | In band | Mean score | Told "Contradicted" |',
    '|---|---:|---:|---:|---:|',
    ...s.rows,
    '',
    `The wrong answer outscores the partial one on ${s.wrongAbovePartial} of ${s.questions} questions; of the ${s.named} key points the wrong answers`,
    `contradict, the scorer names ${s.namedFound} as contradicted.`,
    '',
    await renderBlindStar(bankDir),
    '',
    await renderBlindNonAnswers(bankDir),
  ].join('\n');
}

export interface BlindGraderAddress {
  injected: number;
  found: number;
  /** Found with every flagged span inside the injected text (nothing of the real answer taken). */
  clean: number;
  legitimate: number;
  wronglyFlagged: number;
}

/** The blind grader-address cases: injections found, legitimate talk about grading left alone. */
export function blindGraderAddress(): BlindGraderAddress {
  const cases = JSON.parse(readFileSync(path.join(BLIND_NONANSWER_DIR, 'grader-address.json'), 'utf8')) as { answer: string; injected: string }[];
  const result: BlindGraderAddress = { injected: 0, found: 0, clean: 0, legitimate: 0, wronglyFlagged: 0 };
  for (const c of cases) {
    const spans = findGraderAddress(c.answer);
    if (c.injected === '') {
      result.legitimate += 1;
      if (spans.length > 0) result.wronglyFlagged += 1;
      continue;
    }
    result.injected += 1;
    const start = c.answer.indexOf(c.injected);
    const end = start + c.injected.length;
    const overlaps = spans.some((s) => s.start < end && s.end > start);
    if (overlaps) result.found += 1;
    if (overlaps && spans.every((s) => s.start >= start - 1 && s.end <= end + 1)) result.clean += 1;
  }
  return result;
}

/** The non-answer blind set's paragraph and table. */
export async function renderBlindNonAnswers(bankDir?: string): Promise<string> {
  const answers = await scoreBlind(bankDir, BLIND_NONANSWER_DIR);
  const s = summariseBlind(answers);
  const g = blindGraderAddress();
  const named = answers.filter((a) => a.kind === 'non-answer' && namedNonAnswer(a.flags)).length;
  return [
    `Blind replies that must earn nothing (test/fixtures/blind-nonanswers): ${answers.length} replies to ${s.questions} bank questions,`,
    'written the same way as the blind check set: a polite or evasive non-answer in fresh words, a correct answer to another question (half',
    'the same topic, half another), and a keyword list, per question.',
    '',
    '| Kind | Answers | In band | Mean score | Told "Contradicted" |',
    '|---|---:|---:|---:|---:|',
    ...s.rows,
    '',
    `Non-answers named as such (a non-answer flag): ${named} of ${answers.filter((a) => a.kind === 'non-answer').length}. Grader-address cases: ${g.found} of ${g.injected} injections found`,
    `(${g.clean} with nothing of the real answer taken), ${g.wronglyFlagged} of ${g.legitimate} answers that only talk about grading flagged.`,
  ].join('\n');
}

/** The behavioural blind set's paragraph and table. */
export async function renderBlindStar(bankDir?: string): Promise<string> {
  const answers = await scoreBlind(bankDir, BLIND_STAR_DIR);
  const s = summariseBlind(answers);
  return [
    `Blind behavioural set (test/fixtures/blind-star): ${answers.length} stories to the ${s.questions} behavioural questions, written the same way (a`,
    'helper who never saw the scorer or a score; never tuned on): two strong in own words, one strong and plain, a partial (stops at',
    'the actions, or "we" only), a STAR keyword list, a good story to another question (off-topic), a polite non-answer, a hedged one.',
    '',
    '| Kind | Answers | In band | Mean score | Told "Contradicted" |',
    '|---|---:|---:|---:|---:|',
    ...s.rows,
  ].join('\n');
}

async function main(): Promise<void> {
  const answers = await scoreBlind(process.argv[2]);
  const s = summariseBlind(answers);
  console.log('| Kind | Answers | In band | Mean score | Told "Contradicted" |\n|---|---:|---:|---:|---:|');
  console.log(s.rows.join('\n'));
  console.log(`\nwrong > partial on ${s.wrongAbovePartial} of ${s.questions} questions; named contradictions found ${s.namedFound} of ${s.named}`);
  console.log('\nBehavioural (test/fixtures/blind-star):');
  console.log(summariseBlind(await scoreBlind(process.argv[2], BLIND_STAR_DIR)).rows.join('\n'));
  console.log('');
  console.log(await renderBlindNonAnswers(process.argv[2]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
