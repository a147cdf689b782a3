// The own-words check set (test/fixtures/own-words) as a report: every answer scored as the
// interview scores it, with the per-kind numbers issue 11 asks about (own-words answers at or above
// 70 and 60; wrong answers at or below 30; keyword lists at or below 35).
// `npx tsx test/bench/own-words.ts [bank-dir]` (default: the repository's rubrics/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBank } from '../../src/adapters/bank/load-bank.js';
import { loadCalibration } from '../fixtures/calibration/load-calibration.js';
import { scoreCalibration, type ScoredAnswer } from './bank-calibration.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OWN_WORDS_DIR = path.join(REPO_ROOT, 'test/fixtures/own-words');

const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** One line per kind: count, mean, and how many sit on the right side of the line that matters. */
export function summariseOwnWords(answers: ScoredAnswer[]): string[] {
  const lines: [string, (s: number) => boolean, string][] = [
    ['strong-own-words', (s) => s >= 70, '>= 70'],
    ['wrong', (s) => s <= 30, '<= 30'],
    ['keyword-list', (s) => s <= 35, '<= 35'],
  ];
  return lines.map(([kind, ok, label]) => {
    const scores = answers.filter((a) => a.kind === kind).map((a) => a.overall);
    const extra = kind === 'strong-own-words' ? `, ${scores.filter((s) => s >= 60).length} >= 60` : '';
    const told = answers.filter((a) => a.kind === kind && a.contradicted.length > 0).length;
    return `| ${kind} | ${scores.length} | ${mean(scores).toFixed(1)} | ${scores.filter(ok).length} ${label}${extra} | ${told} |`;
  });
}

/** The check set's paragraph for docs/benchmarks.md (under the bank calibration suite). */
export async function renderOwnWords(bankDir: string = path.join(REPO_ROOT, 'rubrics')): Promise<string> {
  const { answers } = scoreCalibration(await loadBank(bankDir), loadCalibration(OWN_WORDS_DIR));
  const questions = new Set(answers.map((a) => a.questionId)).size;
  return [
    `Own-words check set (test/fixtures/own-words, \`npx tsx test/bench/own-words.ts\`): ${answers.length} answers to ${questions} bank questions,`,
    'written before the bank\'s cues were widened (issue 11) and never tuned on: three correct answers per question worded unlike',
    'the reference (everyday words and analogies; other technical words and notation; short and plain), a fluent wrong answer and a',
    'keyword list. With the cues as they were (commit 93d0fdb): own-words mean 80.1, 51 of 60 at or above 70, 57 at or above 60,',
    '5 told "Contradicted"; wrong mean 66.0 (none at or below 30); keyword lists 24.7 (all at or below 35). Now:',
    '',
    '| Kind | Answers | Mean score | On the right side | Told "Contradicted" |',
    '|---|---:|---:|---|---:|',
    ...summariseOwnWords(answers),
  ].join('\n');
}

async function main(): Promise<void> {
  // An optional bank folder, to measure the same answers against another version of the bank.
  const bank = await loadBank(process.argv[2] ?? path.join(REPO_ROOT, 'rubrics'));
  const { answers } = scoreCalibration(bank, loadCalibration(OWN_WORDS_DIR));
  console.log('| Kind | Answers | Mean score | On the right side | Told "Contradicted" |\n|---|---:|---:|---|---:|');
  console.log(summariseOwnWords(answers).join('\n'));
  console.log('');
  for (const a of answers) console.log(`${a.overall.toFixed(1).padStart(5)}  ${a.id}${a.flags.length ? ` [${a.flags.join(', ')}]` : ''}${a.contradicted.length ? ` contradicted: ${a.contradicted.join(', ')}` : ''}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
