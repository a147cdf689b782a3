// The judge's quotes are checked against the answer, tolerant of case, whitespace, quote and dash
// characters and "..." between fragments, and strict about the words.
import { describe, expect, it } from 'vitest';
import { findQuote, foldText } from '../../../src/adapters/llm/quote-check.js';

const ANSWER = `The generator “collapses” onto a few   modes -
it keeps producing the same faces. Use minibatch discrimination; it's cheap.`;

describe('findQuote', () => {
  it.each([
    ['exact', 'keeps producing the same faces'],
    ['other case', 'KEEPS Producing THE same faces'],
    ['other whitespace, across a line break', 'a few modes - it keeps'],
    ['straight quotes for curly ones', 'The generator "collapses" onto'],
    ['a dash for a hyphen', 'few modes — it keeps'],
    ['wrapped in quote marks, with a final full stop', '"Use minibatch discrimination."'],
    ['an apostrophe variant', 'it’s cheap'],
    ['fragments joined by an ellipsis', 'The generator ... the same faces'],
  ])('finds a quote with %s', (_, quote) => {
    expect(findQuote(ANSWER, quote)).toBeDefined();
  });

  it.each([
    ['a paraphrase', 'keeps generating identical faces'],
    ['a word changed', 'keeps producing the same images'],
    ['fragments out of order', 'the same faces ... The generator'],
    ['a quote too short to prove anything', 'it'],
    ['an empty quote', ''],
  ])('rejects %s', (_, quote) => {
    expect(findQuote(ANSWER, quote)).toBeUndefined();
  });

  it('maps the quote back to a span of the original answer', () => {
    const [span] = findQuote(ANSWER, 'A FEW MODES - IT') ?? [];
    expect(span).toBeDefined();
    expect(ANSWER.slice(span?.start, span?.end)).toBe(span?.text);
    expect(span?.text).toBe('a few   modes -\nit');
  });

  it('gives one span per fragment of an elided quote', () => {
    const spans = findQuote(ANSWER, 'generator … minibatch discrimination') ?? [];
    expect(spans.map((s) => s.text)).toEqual(['generator', 'minibatch discrimination']);
  });

  it('finds quotes of text that was defused in the prompt (‹tag› for <tag>)', () => {
    expect(findQuote('x <b>bold</b> y', 'x ‹b›bold‹/b› y')).toBeDefined();
  });

  it('maps spans back the same way in plain ASCII text (folded by one lower-casing) as in text with other characters', () => {
    const plain = 'The Generator keeps producing the SAME faces.';
    const mixed = 'The Generator\n\nkeeps   producing the “SAME” faces.';
    expect(findQuote(plain, 'generator keeps producing the same')?.map((s) => s.text)).toEqual(['Generator keeps producing the SAME']);
    expect(findQuote(mixed, 'generator keeps producing the "same" faces')?.map((s) => s.text)).toEqual(['Generator\n\nkeeps   producing the “SAME” faces']);
    expect(findQuote(` ${plain}`, 'THE GENERATOR')?.[0]).toMatchObject({ start: 1, end: 14 });
  });

  it('keeps offsets right after a character whose lower case is longer (İ) and around emoji', () => {
    const answer = 'İstanbul 😀 models use attention; the Decoder attends to the encoder.';
    const [span] = findQuote(answer, 'the decoder attends') ?? [];
    expect(span?.text).toBe('the Decoder attends');
    expect(answer.slice(span?.start, span?.end)).toBe(span?.text);
  });

  it('checks every quote of a reply against one folding of the answer, with the same results as folding per quote', () => {
    const folded = foldText(ANSWER);
    for (const quote of ['keeps producing the same faces', 'a few modes - it keeps', 'The generator ... the same faces', 'the same faces ... The generator', 'it']) {
      expect(findQuote(folded, quote)).toEqual(findQuote(ANSWER, quote));
    }
  });
});
