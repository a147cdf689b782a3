// How often the grader-address detector fires on real answers that address no grader: SemEval-2013
// train (Beetle, SciEntsBank), SAF train, the bank's reference answers, and the held-out splits. Every hit is a false
// positive (a sentence that would be taken out of a real answer), printed for inspection.
// Run: npx tsx test/bench/grader-address-corpus.ts   (--data DIR or PROBE_DATA_DIR, default ../shared/data)
import { resolve } from 'node:path';
import { loadBank } from '../../src/adapters/bank/load-bank.js';
import { findGraderAddress } from '../../src/engine/scoring/grader-address.js';
import { loadSaf } from './saf.js';
import { loadSplit, REPO_ROOT } from './semeval.js';

const semeval = (corpus: string, split: string): string[] => loadSplit(corpus, split).map((r) => r.answer);
const saf = (split: 'train' | 'validation'): string[] => loadSaf(split).map((r) => r.answer).filter((t) => t.trim() !== '');

const bank = await loadBank(resolve(REPO_ROOT, 'rubrics'));
const sets: [string, string[]][] = [
  ['SemEval Beetle train', semeval('beetle', 'train')],
  ['SemEval SciEntsBank train', semeval('sciEntsBank', 'train')],
  ['SAF train', saf('train')],
  ['bank reference answers', bank.questions.map((q) => q.referenceAnswer)],
  // Held out: never looked at while writing the detector.
  [
    'SemEval test splits (held out)',
    [
      ...['test-unseen-answers', 'test-unseen-questions'].flatMap((s) => semeval('beetle', s)),
      ...['test-unseen-answers', 'test-unseen-domains', 'test-unseen-questions'].flatMap((s) => semeval('sciEntsBank', s)),
    ],
  ],
  ['SAF validation (held out)', saf('validation')],
];
for (const [name, texts] of sets) {
  const empty = texts.filter((t) => t.trim() === '').length;
  const hits = texts.filter((t) => findGraderAddress(t).length > 0);
  console.log(`${name}: ${hits.length} of ${texts.length} answers flagged${empty ? ` (${empty} empty)` : ''}`);
  for (const hit of hits.slice(0, 10)) console.log(`  ${JSON.stringify(findGraderAddress(hit).map((s) => [s.text, s.why]))}`);
}
