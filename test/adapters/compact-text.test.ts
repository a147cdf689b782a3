// Long-lived text (the bank, rendered prompt parts) is kept as one flat, one-byte-where-possible
// string: the same characters, in V8's cheapest form to copy and serialise.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compactStrings, compactText } from '../../src/adapters/compact-text.js';
import { runGroup } from '../support/process-group.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

describe('compactText and compactStrings', () => {
  it('keep every character: ASCII, Latin-1, past Latin-1, lone surrogates, empty', () => {
    const texts = ['', 'plain ascii', 'café naïve ±', 'minus − beta β', 'emoji 😀 and a lone \ud83d half', ('x'.repeat(30) + '—').slice(0, 30) + ' tail'];
    for (const text of texts) expect(compactText(text)).toBe(text);
  });

  it('copy JSON-like data with its strings compacted, keys in order, other values as they were', () => {
    const value = { b: 'β', a: ['x', 1, null, { c: true, d: undefined }], e: 2.5 };
    const copy = compactStrings(value);
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
    expect(Object.keys(copy)).toEqual(['b', 'a', 'e']);
    expect(Object.keys(copy.a[3] as object)).toEqual(['c', 'd']);
  });

  // What the module is for, checked with V8's test intrinsics in a child node: %HaveSameMap tells
  // whether a string has the map of a flat one-byte string (or a flat two-byte one). The bank is read
  // as Probe reads it; without compaction much of its text comes out as two-byte trees of pieces
  // (this test then fails).
  it('leaves strings flat, one-byte unless a character needs two, the loaded bank included', async () => {
    const script = `
      const { compactText } = await import(${JSON.stringify(`${REPO}src/adapters/compact-text.ts`)});
      const { loadBank } = await import(${JSON.stringify(`${REPO}src/adapters/bank/load-bank.ts`)});
      const { defaultBankDir } = await import(${JSON.stringify(`${REPO}src/paths.ts`)});
      const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)');
      const oneByte = Buffer.from('flat', 'latin1').toString('latin1');
      const twoByte = Buffer.from('flat \\u2014', 'utf16le').toString('utf16le');
      const form = (s) => (sameMap(s, oneByte) ? 'one-byte' : sameMap(s, twoByte) ? 'two-byte' : 'other');
      const tree = ('x'.repeat(40) + '\\u2014').slice(0, 40) + ' and more';
      const forms = [form(tree), form(compactText(tree)), form(compactText('\\u2014 ' + tree))];
      const bank = await loadBank(defaultBankDir());
      const wrong = [];
      let strings = 0;
      const walk = (v, path) => {
        if (typeof v === 'string') {
          strings += 1;
          const want = /[^\\u0000-\\u00ff]/.test(v) ? 'two-byte' : 'one-byte';
          if (form(v) !== want) wrong.push(path);
        } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, path + '.' + i));
        else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, path + '.' + k));
      };
      bank.questions.forEach((q) => walk(q, q.id));
      process.stdout.write(JSON.stringify({ forms, strings, wrong }));
    `;
    const run = await runGroup(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, timeoutMs: 60_000 });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { forms: string[]; strings: number; wrong: string[] };
    expect(out.forms).toEqual(['other', 'one-byte', 'two-byte']);
    expect(out.strings).toBeGreaterThan(1000);
    expect(out.wrong.slice(0, 5)).toEqual([]);
  });
});
