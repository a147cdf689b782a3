// Clauses and negation. A negator ("not", "n't", "no", "never", "without", "lack"...) is about
// one word, its head: the first content word after it in its clause ("it does not use a
// discriminator" is about the discriminator, light verbs are skipped), or the subject before it
// when only a light verb follows ("weight clipping is not used"). Matching compares heads.
import type { Token } from './terms.js';
import { itemAt, packedMap } from './stable-arrays.js';

const NEGATORS = new Set([
  'not', 'no', 'never', 'without', 'nor', 'neither', 'none', 'nothing', 'nobody', 'nowhere',
  'lack', 'lacks', 'lacking', 'lacked', 'absence',
]);

// Words that open a new clause: negation does not reach across them.
const CLAUSE_BREAKERS = new Set([
  'but', 'however', 'although', 'though', 'whereas', 'while', 'because', 'since', 'so', 'therefore',
  'thus', 'hence', 'which', 'instead', 'unless', 'until', 'then', 'otherwise', 'meaning', 'whereby', 'yet',
]);

const CLAUSE_PUNCT = new Set(['.', '!', '?', ';', ':', ',', '(', ')', '"', '[', ']']);

/** Past this many tokens a negator stops reaching, even inside one clause. */
const SCOPE_WINDOW = 10;

/** Per token: its clause number, whether it is a negator, and the negators it is the head of. */
export interface NegationInfo {
  clause: number[];
  isNegator: boolean[];
  headOf: (readonly number[])[];
}

/**
 * Verbs that carry little meaning of their own: in "does not use a discriminator" the negation
 * is about the discriminator, so the head skips them; matching gives them little weight.
 */
export const LIGHT_VERBS: ReadonlySet<string> = new Set([
  'use', 'uses', 'used', 'using', 'need', 'needs', 'needed', 'require', 'requires', 'required', 'include',
  'includes', 'included', 'contain', 'contains', 'involve', 'involves', 'rely', 'relies', 'apply', 'applies',
  'suffer', 'suffers', 'cause', 'causes', 'produce', 'produces', 'give', 'gives', 'provide', 'provides',
  'take', 'takes', 'exist', 'exists', 'happen', 'happens', 'occur', 'occurs', 'mean', 'means', 'show', 'shows',
  'seem', 'seems', 'appear', 'appears', 'become', 'becomes', 'remain', 'remains', 'stay', 'stays',
  'given', 'gave', 'fed', 'feed', 'feeds', 'passed', 'pass', 'passes', 'sent', 'send', 'sends', 'shown', 'applied',
  'get', 'gets', 'got', 'receive', 'receives', 'received', 'see', 'sees', 'seen',
]);

/** Marks clauses, negators and the head of each negator over a token sequence. */
export function analyzeNegation(tokens: readonly Token[]): NegationInfo {
  const isNegator = packedMap(tokens, (token, i) => isNegatorAt(tokens, i, token));
  let current = 0;
  const clause = packedMap(tokens, (token) => (CLAUSE_PUNCT.has(token.norm) || CLAUSE_BREAKERS.has(token.norm) ? ++current : current));
  const headOf = negationHeads(tokens, clause, isNegator);
  addDismissals(tokens, clause, headOf);
  return { clause, isNegator, headOf };
}

/**
 * Predicates that deny what their subject is for: "deduplication and PII scrubbing are
 * unnecessary" says as much against deduplication as "no deduplication is needed". Only after a
 * copula ("are unnecessary"), where the subject is the clause before it; "avoids redundant work"
 * or "an optional step" are not dismissals.
 */
const DISMISSALS = new Set(['unnecessary', 'unneeded', 'needless', 'pointless', 'useless', 'superfluous', 'unimportant']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const DEGREE = new Set(['completely', 'totally', 'entirely', 'largely', 'mostly', 'basically', 'simply', 'just', 'quite', 'fully', 'also', 'then', 'therefore']);

function addDismissals(tokens: readonly Token[], clause: number[], headOf: number[][]): void {
  for (let d = 0; d < tokens.length; d += 1) {
    if (!DISMISSALS.has((tokens[d] as Token).norm)) continue;
    let c = d - 1;
    while (c >= 0 && DEGREE.has((tokens[c] as Token).norm)) c -= 1;
    if (c < 0 || !COPULAS.has((tokens[c] as Token).norm) || clause[c] !== clause[d]) continue;
    for (let i = c - 1; i >= 0 && c - i <= SCOPE_WINDOW && clause[i] === clause[d]; i -= 1) {
      const token = tokens[i] as Token;
      if (isContent(token) && !LIGHT_VERBS.has(token.norm)) headOf[i]?.push(d);
    }
  }
}

const isContent = (token: Token): boolean =>
  !token.stop && token.kind !== 'punct' && token.norm !== 'longer' && token.norm !== 'anymore' && !NEGATORS.has(token.norm);

// The head of a negator: the first content word after it in its clause, before the next negator,
// skipping light verbs. When only a light verb follows ("weight clipping is not used"), the
// negation is about the subject before it.
function negationHeads(tokens: readonly Token[], clause: number[], isNegator: boolean[]): number[][] {
  const headOf: number[][] = packedMap(tokens, () => []);
  const headAt: number[] = packedMap(tokens, () => -1);
  // Right to left, so that in "no lack of diversity" the outer negator can take the inner one's head.
  for (let n = tokens.length - 1; n >= 0; n -= 1) {
    if (!isNegator[n]) continue;
    let head = -1;
    let light = -1;
    for (let i = n + 1; i < tokens.length && i - n <= SCOPE_WINDOW && clause[i] === clause[n]; i += 1) {
      const token = tokens[i] as Token;
      if (isNegator[i]) {
        if (light < 0) head = headAt[i] ?? -1;
        break;
      }
      if (!isContent(token) || TRANSPARENT.has(token.norm)) continue;
      if (!LIGHT_VERBS.has(token.norm) && !EMPTY_VERDICTS.has(token.norm)) {
        head = i;
        break;
      }
      if (light < 0) light = i;
    }
    // "the generator never sees the label": with a light verb between, the negation is about the
    // relation, so the subject right before the negator is negated with the object.
    const subject = light >= 0 && head > light ? nearSubject(tokens, clause, n) : undefined;
    if (subject !== undefined) headOf[subject]?.push(n);
    if (head < 0 && light >= 0) head = subjectBefore(tokens, clause, n) ?? light;
    headAt[n] = head;
    if (head >= 0) {
      headOf[head]?.push(n);
      // "neither B nor C" is one negation over both already, counted at "neither".
      if (tokens[n]?.norm !== 'neither') for (const item of coordinated(tokens, head)) headOf[item]?.push(n);
    }
  }
  return headOf;
}

// "not for translation or super-resolution": the negation reaches every item joined to its head by
// "or" / "nor" (and by commas inside such a list), not only the first.
function coordinated(tokens: readonly Token[], head: number): number[] {
  const items: number[] = [];
  let sawJoin = false;
  for (let i = head + 1; i < tokens.length && i - head <= SCOPE_WINDOW + 4; i += 1) {
    const token = tokens[i] as Token;
    if (token.norm === 'or' || token.norm === 'nor' || token.norm === ',') {
      sawJoin = true;
      continue;
    }
    if (CLAUSE_PUNCT.has(token.norm) || CLAUSE_BREAKERS.has(token.norm) || token.norm === 'and') break;
    if (!isContent(token) || TRANSPARENT.has(token.norm)) continue;
    if (sawJoin) items.push(i);
    else if (items.length === 0 && i === head + 1) continue;
    // "not supported by the facts or the given context": the list is the preposition's (facts,
    // context), not the head's, so the negation stays on its head.
    else if (items.length === 0 && tokens.slice(head + 1, i).some((t) => OBJECT_PREPOSITIONS.has(t.norm))) return [];
    sawJoin = false;
  }
  // Only a real list: a comma that is not followed by "or" ends the scope at its last item.
  return tokens.slice(head, head + SCOPE_WINDOW + 5).some((t) => t.norm === 'or' || t.norm === 'nor') ? items : [];
}

// Verbs that, negated, deny their subject's use rather than name a thing: in "gradient clipping
// does not help" the negation is about the clipping, as in "clipping is not used".
const EMPTY_VERDICTS = new Set(['help', 'helps', 'helped', 'matter', 'matters', 'mattered']);

const OBJECT_PREPOSITIONS = new Set(['by', 'of', 'from', 'with', 'than', 'on', 'at', 'about', 'under', 'into']);

// Modifiers the negation reaches through: "no real diversity" is about diversity.
const TRANSPARENT = new Set([
  'real', 'really', 'much', 'many', 'enough', 'significant', 'significantly', 'actual', 'actually', 'clear',
  'obvious', 'proper', 'meaningful', 'noticeable', 'further', 'additional', 'extra', 'explicit', 'sufficient',
  'necessarily', 'always', 'very', 'too', 'particularly', 'strictly', 'directly', 'good', 'useful', 'suitable',
]);

// The content word just before a negator ("generator never sees"), within its clause.
function nearSubject(tokens: readonly Token[], clause: number[], n: number): number | undefined {
  for (let i = n - 1; i >= 0 && i >= n - 2 && clause[i] === clause[n]; i -= 1) {
    const token = tokens[i] as Token;
    if (isContent(token) && !LIGHT_VERBS.has(token.norm)) return i;
  }
  return undefined;
}

function subjectBefore(tokens: readonly Token[], clause: number[], n: number): number | undefined {
  for (let i = n - 1; i >= 0 && clause[i] === clause[n]; i -= 1) {
    const token = tokens[i] as Token;
    if (isContent(token) && !LIGHT_VERBS.has(token.norm)) return i;
  }
  return undefined;
}

function isNegatorAt(tokens: readonly Token[], i: number, token: Token): boolean {
  if (!NEGATORS.has(token.norm)) return false;
  const next = itemAt(tokens, i + 1)?.norm;
  const prev = itemAt(tokens, i - 1)?.norm;
  // "not only X but Y", "no matter", "whether or not": no negation.
  if (token.norm === 'not' && (next === 'only' || next === 'just' || next === 'merely')) return false;
  if (token.norm === 'no' && (next === 'matter' || next === 'doubt')) return false;
  if (token.norm === 'not' && prev === 'or') return false;
  // "neither B nor C": one negation over both, counted at "neither".
  if (token.norm === 'nor' && tokens.slice(Math.max(0, i - SCOPE_WINDOW), i).some((t) => t.norm === 'neither')) return false;
  return true;
}

/** Negator words, for the structure and flag checks. */
export function isNegatorWord(norm: string): boolean {
  return NEGATORS.has(norm);
}
