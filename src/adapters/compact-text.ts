// Text that stays in memory for the life of the process (the bank, rendered prompt parts) kept in
// V8's cheapest form: one flat string, one byte a character when every character fits in one.
//
// Why it matters: text read from a file that holds one character outside Latin-1 ("−", "β") comes
// out of the parsers as two-byte strings, often as trees of pieces (cons strings), even where every
// character is ASCII. Every prompt built from them was then two-byte and re-walked piece by piece
// each time it was serialised: in the server under load, JSON.stringify of a turn call's messages
// took about 290 us the first time and 30 us the second (the strings flattened by then); with the
// bank compacted, 155 us (measured in the server at 50 candidates, docs/benchmarks.md).
import { Buffer } from 'node:buffer';

/** `text` as one flat string, one-byte when it can be; the same characters either way. */
export function compactText(text: string): string {
  for (let i = 0; i < text.length; i += 1) {
    // A character past Latin-1 keeps the string two-byte: copied into one flat piece all the same.
    if (text.charCodeAt(i) > 0xff) return Buffer.from(text, 'utf16le').toString('utf16le');
  }
  return Buffer.from(text, 'latin1').toString('latin1');
}

/** A copy of `value` (JSON-like data) with every string compacted; keys keep their order. */
export function compactStrings<T>(value: T): T {
  if (typeof value === 'string') return compactText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => compactStrings(item)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = compactStrings(item);
    return out as T;
  }
  return value;
}
