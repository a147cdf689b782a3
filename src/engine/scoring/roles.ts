// Swapped roles: the right words in the wrong places. A key point that relates parts that play
// distinct roles (query / key / value, generator / discriminator, encoder / decoder) is
// contradicted by a sentence that puts another part of the same group in a role's place ("the
// value is compared with the queries"), or that reverses who does what to whom ("the
// discriminator tries to fool the generator").
import { analyzeText, type AnalyzedText } from './analyze-text.js';
import type { Pattern } from './pattern.js';
import { toTerms, type Token } from './terms.js';
import { itemAt, packedMap } from './stable-arrays.js';

/** Groups of parts with distinct roles; the first word of each entry is its name. */
const ROLE_GROUPS: readonly (readonly string[])[] = [
  ['query', 'key', 'value'],
  ['generator', 'discriminator'],
  ['encoder', 'decoder'],
  ['teacher', 'student'],
  ['actor', 'critic'],
];

let roleOf: Map<string, { group: number; role: string }> | undefined;

function roles(): Map<string, { group: number; role: string }> {
  if (roleOf) return roleOf;
  roleOf = new Map();
  ROLE_GROUPS.forEach((group, g) => {
    for (const word of group) {
      const term = toTerms(word)[0]?.term;
      if (term) roleOf?.set(term, { group: g, role: term });
    }
  });
  return roleOf;
}

/** True for a term that names a part with a distinct role (generator, query, encoder...). */
export function isRoleTerm(term: string): boolean {
  return roles().has(term);
}

interface Placed {
  role: string;
  group: number;
  position: number;
}

function placedRoles(terms: readonly { term: string }[], positions: readonly number[]): Placed[] {
  const out: Placed[] = [];
  terms.forEach((t, i) => {
    const found = roles().get(t.term);
    if (found) out.push({ role: found.role, group: found.group, position: positions[i] ?? i });
  });
  return out;
}

/** How a clause of the answer places the key point's roles. */
export interface RoleReading {
  /** Another part of a group stands in a role's place, or the relation runs the other way. */
  swap: boolean;
  /** The swap names two parts of the group or reverses the relation: a stated wrong fact. */
  strong: boolean;
  /** The clause holds the statement's roles of a group and no other part of it. */
  right: boolean;
}

/**
 * True when `sentence` (answer token indices of one sentence) puts the key point's roles in the
 * wrong places: a role of the statement is missing and another of its group stands in, or two
 * roles appear on the opposite sides of the statement's relating word (not in a passive "by").
 */
export function swapsRoles(statement: Pattern, a: AnalyzedText, sentence: readonly number[]): boolean {
  return readRoles(statement, a, sentence).swap;
}

/** Reads how `sentence` places the statement's roles (see RoleReading). */
export function readRoles(statement: Pattern, a: AnalyzedText, sentence: readonly number[]): RoleReading {
  const none = { swap: false, strong: false, right: false };
  const stated = statedRoles(statement);
  if (stated.length === 0) return none;
  const all = readPlacedRoles(statement, stated, a, sentence);
  if (!all.swap) return all;
  // A swap must also hold among the roles of the clauses the sentence speaks about; this only ever
  // takes an alarm away (a list statement's clauses can be touched by an incidental word).
  const inPlay = statedInClausesSaid(statement, stated, a, sentence);
  return inPlay.length === 0 ? none : readPlacedRoles(statement, inPlay, a, sentence);
}

// A role the statement denies ("queries are not cached") or the answer denies is not in its place.
function statedRoles(statement: Pattern): Placed[] {
  return placedRoles(statement.terms, packedMap(statement.terms, (_, i) => i)).filter((r) => {
    const t = statement.terms[r.position];
    return t !== undefined && t.heads === 0 && !t.inherentNeg && !t.deniedClause;
  });
}

const statesRolesOf = new WeakMap<Pattern, boolean>();

/**
 * True when the statement puts parts with roles in places (readRoles can find a swap): most key
 * points do not, and their answers' clauses need not be read for roles at all. Kept per pattern.
 */
export function statesRoles(statement: Pattern): boolean {
  let states = statesRolesOf.get(statement);
  if (states === undefined) {
    states = statedRoles(statement).length > 0;
    statesRolesOf.set(statement, states);
  }
  return states;
}

/**
 * The stated roles of the statement's clauses this sentence speaks about (shares a word other than
 * a role with): "only the new token's query matters" speaks about "each step processes only the
 * new token", not about "past keys and values don't change", so a query there is no swap of the
 * keys. A sentence that shares only role words with the statement keeps them all.
 */
function statedInClausesSaid(statement: Pattern, stated: Placed[], a: AnalyzedText, sentence: readonly number[]): Placed[] {
  const words = new Set(packedMap(sentence, (i) => a.tokens[i]?.term));
  const clauses = new Set(packedMap(statement.terms.filter((t) => !roles().has(t.term) && words.has(t.term)), (t) => t.clause));
  if (clauses.size === 0) return stated;
  return stated.filter((r) => clauses.has(statement.terms[r.position]?.clause ?? -1));
}

function readPlacedRoles(statement: Pattern, stated: Placed[], a: AnalyzedText, sentence: readonly number[]): RoleReading {
  const none = { swap: false, strong: false, right: false };
  const affirmed = sentence.filter((i) => (a.headOf[i]?.length ?? 0) === 0);
  const tokens = packedMap(affirmed, (i) => a.tokens[i] as { term: string });
  const said = placedRoles(tokens, affirmed);
  let right = false;
  for (const group of new Set(packedMap(stated, (r) => r.group))) {
    const need = new Set(packedMap(stated.filter((r) => r.group === group), (r) => r.role));
    const have = new Set(packedMap(said.filter((r) => r.group === group), (r) => r.role));
    if (have.size === 0) continue;
    const missing = [...need].some((r) => !have.has(r));
    const intruder = [...have].some((r) => !need.has(r));
    if (missing && intruder) return { swap: true, strong: have.size >= 2, right: false };
    right ||= !missing && !intruder;
  }
  const reversed = reversesRelation(statement, stated, a, sentence, said);
  return { swap: reversed, strong: reversed, right: right && !reversed };
}

// Two roles of one group on either side of a relating word of the statement ("generator ... fool
// ... discriminator"): the answer must keep that order, unless it is passive ("fooled by").
function reversesRelation(statement: Pattern, stated: Placed[], a: AnalyzedText, sentence: readonly number[], said: Placed[]): boolean {
  for (let i = 0; i < stated.length; i += 1) {
    for (let j = i + 1; j < stated.length; j += 1) {
      const [first, second] = [stated[i] as Placed, stated[j] as Placed];
      if (first.group !== second.group || first.role === second.role) continue;
      const between = statement.terms.slice(first.position + 1, second.position).filter((t) => !roles().has(t.term));
      for (const relation of between) {
        const at = sentence.find((index) => a.tokens[index]?.term === relation.term);
        if (at === undefined) continue;
        const before = said.filter((r) => r.position < at);
        const after = said.filter((r) => r.position > at);
        const reversed = before.some((r) => r.role === second.role) && after.some((r) => r.role === first.role)
          && !before.some((r) => r.role === first.role) && !after.some((r) => r.role === second.role);
        const passive = a.tokens.slice(at, (after[0]?.position ?? at) + 1).some((t) => t.norm === 'by');
        if (reversed && !passive) return true;
      }
    }
  }
  return false;
}

/**
 * Parts of one group that the statement names side by side as sharing what it says ("fed to the
 * discriminator as well as the generator", "the keys and values"), none of them denied. An answer
 * that denies one of them, or gives it to one alone, contradicts the point (deniedConjunct).
 */
export function coordinatedRoles(statement: string): string[] {
  const a = analyzeText(statement);
  const found = new Set<string>();
  let last: { role: string; group: number; index: number } | undefined;
  for (let i = 0; i < a.tokens.length; i += 1) {
    const token = a.tokens[i] as Token;
    const role = roles().get(token.term);
    if (role && (a.headOf[i]?.length ?? 0) === 0) {
      if (last && last.group === role.group && last.role !== role.role && a.tokens.slice(last.index + 1, i).every(joins)) {
        found.add(last.role);
        found.add(role.role);
      }
      last = { ...role, index: i };
    } else if (!joins(token)) last = undefined;
  }
  return [...found];
}

// Between two coordinated parts: function words, commas, "well" of "as well as", "also", "both".
const joins = (token: Token): boolean => token.stop || token.norm === ',' || token.norm === 'well' || token.norm === 'also' || token.norm === 'both';

/**
 * Answer tokens that deny one of `conjuncts` ("the label is not given to the generator") or give
 * the point to one alone ("only the discriminator sees it"), where the sentence says something in
 * the point's own words (`words`) or names another of the parts: empty when there is none.
 */
export function deniedConjunct(conjuncts: readonly string[], words: ReadonlySet<string>, a: AnalyzedText): number[] {
  if (conjuncts.length < 2) return [];
  const { tokens, headOf, clause, sentence } = a;
  const isPart = (i: number): boolean => conjuncts.includes((tokens[i] as Token).term);
  for (let i = 0; i < tokens.length; i += 1) {
    // "if only the generator saw the label, ...": a supposition, not a claim.
    if (!isPart(i) || tokens.some((t, j) => sentence[j] === sentence[i] && SUPPOSING.has(t.norm))) continue;
    const negators = (headOf[i] ?? []).filter((n) => clause[n] === clause[i]);
    const context = tokens.some((t, j) => j !== i && sentence[j] === sentence[i] && (words.has(t.term) || (isPart(j) && t.term !== (tokens[i] as Token).term)));
    if (negators.length > 0 && context) return [...negators, i];
    const only = onlyBefore(tokens, i) ?? (itemAt(tokens, i + 1)?.norm === 'only' ? i + 1 : undefined);
    const others = tokens.some((t, j) => clause[j] === clause[i] && isPart(j) && t.term !== (tokens[i] as Token).term);
    if (only !== undefined && !others) return [only, i];
  }
  return [];
}

const SUPPOSING = new Set(['if', 'otherwise', 'unless', 'would', 'whether', 'suppose', 'imagine']);

// "only the discriminator", not "not only the discriminator".
function onlyBefore(tokens: readonly Token[], i: number): number | undefined {
  const at = itemAt(tokens, i - 1)?.norm === 'only' ? i - 1 : itemAt(tokens, i - 1)?.norm === 'the' && itemAt(tokens, i - 2)?.norm === 'only' ? i - 2 : undefined;
  return at !== undefined && itemAt(tokens, at - 1)?.norm !== 'not' ? at : undefined;
}
