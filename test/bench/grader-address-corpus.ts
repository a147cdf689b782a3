// How often the grader-address detector fires on real answers that address no grader: SemEval-2013
// train (Beetle, SciEntsBank), SAF train, the bank's reference answers, and the held-out splits. Every hit is a false
// positive (a sentence that would be taken out of a real answer), printed for inspection.
// Run: npx tsx test/bench/grader-address-corpus.ts   (PROBE_DATA_DIR, default ../shared/data)
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findGraderAddress } from '../../src/engine/scoring/grader-address.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const DATA = process.env.PROBE_DATA_DIR ?? resolve(REPO_ROOT, '../shared/data');

function semeval(file: string): string[] {
  return readFileSync(resolve(DATA, 'semeval2013', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => String((JSON.parse(line) as { student_answer?: string }).student_answer ?? ''));
}

const SEMEVAL_HELD_OUT = [
  'beetle_test-unseen-answers.jsonl',
  'beetle_test-unseen-questions.jsonl',
  'sciEntsBank_test-unseen-answers.jsonl',
  'sciEntsBank_test-unseen-domains.jsonl',
  'sciEntsBank_test-unseen-questions.jsonl',
];

/** RFC 4180 rows (quoted cells may hold commas, quotes and newlines). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  if (cell !== '' || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

function saf(split: 'train' | 'validation'): string[] {
  const [header, ...rows] = csvRows(readFileSync(resolve(DATA, 'saf', `${split}.csv`), 'utf8'));
  const col = header?.indexOf('provided_answer') ?? -1;
  return rows.map((r) => r[col] ?? '').filter((t) => t.trim() !== '');
}

function bankReferences(): string[] {
  const dir = resolve(REPO_ROOT, 'rubrics');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => [...readFileSync(resolve(dir, f), 'utf8').matchAll(/reference_answer: [>|]-?\n((?:\s{6,}.*\n)+)/g)].map((m) => (m[1] ?? '').replace(/\s+/g, ' ')));
}

const sets: [string, string[]][] = [
  ['SemEval Beetle train', semeval('beetle_train.jsonl')],
  ['SemEval SciEntsBank train', semeval('sciEntsBank_train.jsonl')],
  ['SAF train', saf('train')],
  ['bank reference answers', bankReferences()],
  // Held out: never looked at while writing the detector.
  ['SemEval test splits (held out)', SEMEVAL_HELD_OUT.flatMap(semeval)],
  ['SAF validation (held out)', saf('validation')],
];
for (const [name, texts] of sets) {
  const hits = texts.filter((t) => findGraderAddress(t).length > 0);
  console.log(`${name}: ${hits.length} of ${texts.length} answers flagged`);
  for (const hit of hits.slice(0, 10)) console.log(`  ${JSON.stringify(findGraderAddress(hit).map((s) => [s.text, s.why]))}`);
}
