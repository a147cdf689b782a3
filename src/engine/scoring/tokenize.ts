// Splits text into word, number and punctuation tokens with character offsets into the original
// string. Case, accents, curly quotes and dashes are folded char by char, so no offset moves.

export type TokenKind = 'word' | 'number' | 'punct';

/** A token as written: its folded lowercase form and where it sits in the original text. */
export interface RawToken {
  norm: string;
  start: number;
  end: number;
  kind: TokenKind;
}

const FOLD: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201b': "'", '\u2032': "'", '`': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\u2026': '.', '\u00d7': 'x',
};

/** Same length as the input: one folded UTF-16 unit per input unit. */
export function foldText(text: string): string {
  // Most answers are plain ASCII with no backtick: lowercasing is the whole fold, and keeps length.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? ' ';
    out += FOLD[ch] ?? foldChar(ch);
  }
  return out;
}

const PLAIN_ASCII = /^[\x00-\x5f\x61-\x7f]*$/;

function foldChar(ch: string): string {
  if (ch < '\u0080') return ch.toLowerCase();
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return ' ';
  const base = (ch.normalize('NFD')[0] ?? ch).toLowerCase();
  return base.length === 1 ? base : ' ';
}

const TOKEN_RE = /e\.g\.|i\.e\.|\d+(?:\.\d+)*[\p{L}]*%?|[\p{L}][\p{L}\p{N}]*(?:'[\p{L}]+)*|[.!?;:,()"/&+=<>[\]]/gu;

// Maps, not object literals: a word of the answer looked up on an object finds Object.prototype's
// members ("constructor" read as a contraction of a function and "not").
const NT_BASE: ReadonlyMap<string, string> = new Map(Object.entries({ ca: 'can', wo: 'will', sha: 'shall', ai: 'is' }));

// Contractions students write without the apostrophe.
const BARE_NEGATIVES: ReadonlyMap<string, string> = new Map(Object.entries({
  dont: 'do', doesnt: 'does', didnt: 'did', isnt: 'is', wasnt: 'was', arent: 'are', werent: 'were',
  cant: 'can', couldnt: 'could', shouldnt: 'should', wouldnt: 'would', hasnt: 'has', havent: 'have',
  hadnt: 'had', wont: 'will', aint: 'is', cannot: 'can', mustnt: 'must', neednt: 'need',
}));

/** Tokenizes `text`; offsets index the original string. */
export function tokenize(text: string): RawToken[] {
  const folded = foldText(text);
  const tokens: RawToken[] = [];
  for (const match of folded.matchAll(TOKEN_RE)) {
    const word = match[0];
    const start = match.index;
    const end = start + word.length;
    const first = word.charCodeAt(0);
    if (first >= 48 && first <= 57) tokens.push({ norm: word, start, end, kind: 'number' });
    else if (!isLetter(first, word)) tokens.push({ norm: word, start, end, kind: 'punct' });
    else pushWord(tokens, word.includes('.') ? word.replace(/\.$/, '').replace(/\./g, '') : word, start, end);
  }
  return tokens;
}

// ASCII letters by code; anything else by the Unicode letter class (the token pattern's \p{L}).
function isLetter(code: number, word: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /^\p{L}/u.test(word);
}

function pushWord(tokens: RawToken[], word: string, start: number, end: number): void {
  if (word.endsWith("n't")) {
    const base = word.slice(0, -3);
    if (base) tokens.push({ norm: NT_BASE.get(base) ?? base, start, end: end - 3, kind: 'word' });
    tokens.push({ norm: 'not', start: end - 3, end, kind: 'word' });
    return;
  }
  const bare = BARE_NEGATIVES.get(word);
  if (bare) {
    tokens.push({ norm: bare, start, end, kind: 'word' }, { norm: 'not', start, end, kind: 'word' });
    return;
  }
  const apostrophe = word.indexOf("'");
  if (apostrophe > 0) {
    tokens.push({ norm: word.slice(0, apostrophe), start, end: start + apostrophe, kind: 'word' });
    return;
  }
  tokens.push({ norm: word, start, end, kind: 'word' });
}
