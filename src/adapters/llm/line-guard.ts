// Deterministic checks on a generated interviewer line, run while it streams: it must not state a
// score (the interview never shows an invented one) and, in mock mode, must not contain a long
// verbatim run of the reference answer or a key point. The last few words are held back until
// they are known not to complete such a run, so a bad line is stopped before it is shown.

/** Consecutive words shared with the reference that count as giving the answer away. */
export const REVEAL_RUN_WORDS = 8;

/** Words held back when only scores are checked: "85 out of 100" is four. */
const SCORE_HOLD_WORDS = 4;

const SCORE_PATTERNS: readonly RegExp[] = [
  /\b\d{1,3}(?:\.\d+)?\s*(?:%|percent\b|\/\s*\d{1,3}\b|out of\s+\d{1,3}\b)/i,
  /\b(?:score|scored|grade|graded|rating|rated|mark)\b[^.!?\d]{0,40}\b\d{1,3}\b/i,
];

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

interface Word {
  text: string;
  start: number;
  end: number;
}

const wordOf = (m: RegExpExecArray): Word => ({ text: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map(wordOf);
}

/** The run of REVEAL_RUN_WORDS words from `from`, as runsIn keys it. */
function runAt(words: readonly Word[], from: number): string {
  let run = (words[from] as Word).text;
  for (let i = from + 1; i < from + REVEAL_RUN_WORDS; i += 1) run += ` ${(words[i] as Word).text}`;
  return run;
}

/**
 * Reference answers and key points recur on every line of a session (the guard covers the whole
 * plan), and splitting them into runs was most of the guard's cost: their runs are kept per text.
 */
const RUNS_CACHED = 2048;
const runsCache = new Map<string, ReadonlySet<string>>();

function runsIn(text: string): ReadonlySet<string> {
  const words = wordsOf(text).map((w) => w.text);
  const runs = new Set<string>();
  for (let i = 0; i + REVEAL_RUN_WORDS <= words.length; i += 1) runs.add(words.slice(i, i + REVEAL_RUN_WORDS).join(' '));
  return runs;
}

function runsOf(text: string): ReadonlySet<string> {
  const hit = runsCache.get(text);
  if (hit) return hit;
  const runs = runsIn(text);
  runsCache.set(text, runs);
  if (runsCache.size > RUNS_CACHED) runsCache.delete(runsCache.keys().next().value as string);
  return runs;
}

/** A group of secret texts as one set of runs, kept while the group's array lives (line-request.ts keeps one per question). */
const groupRuns = new WeakMap<readonly string[], ReadonlySet<string>>();

function runsOfGroup(group: string | readonly string[]): ReadonlySet<string> {
  if (typeof group === 'string') return runsOf(group);
  let runs = groupRuns.get(group);
  if (!runs) groupRuns.set(group, (runs = new Set(group.flatMap((text) => [...runsOf(text)]))));
  return runs;
}

/**
 * A run that is secret and that the candidate has not seen or said: looked up per text, no set built
 * per line. What the candidate saw is split into runs only when a run is secret (rare), and not
 * cached: their answers are new every turn and would push the reference texts out of the cache.
 */
function revealsSecret(run: string, secret: readonly ReadonlySet<string>[], seen: readonly string[]): boolean {
  return secret.some((s) => s.has(run)) && !seen.some((text) => runsIn(text).has(run));
}

export interface LineGuardOptions {
  /**
   * What must not be revealed (mock mode): the reference answer, key point statements. Texts that
   * recur together (a question's) may come as one array, whose runs are then looked up as one set.
   */
  secret: readonly (string | readonly string[])[];
  /** Text the candidate has seen or said (the question, their answers, authored follow-ups): runs in it are fine. */
  seen: readonly string[];
}

/** Checks a line as it streams. `push` returns the part now safe to show; `flush` the rest. */
export interface LineGuard {
  push(delta: string): string;
  flush(): string;
  /** What is wrong with the line, once something is; completes "line ...". */
  readonly problem: string | undefined;
}

/** A text ending inside what may still grow into a longer word ("don" before "'t"). */
const OPEN_END = /[\p{L}\p{N}'’]$/u;
/** WORD for the guard's own scans, which always run to the end (leaving lastIndex 0); WORD serves matchAll. */
const WORD_SCAN = new RegExp(WORD.source, WORD.flags);
const DIGIT = /\d/;

export function createLineGuard(options: LineGuardOptions): LineGuard {
  const secret = options.secret.map(runsOfGroup).filter((runs) => runs.size > 0);
  const seen = options.seen;
  const hold = secret.length > 0 ? REVEAL_RUN_WORDS - 1 : SCORE_HOLD_WORDS;
  let text = '';
  let shown = 0;
  let problem: string | undefined;
  // The words of the text, found as it grows: every word but the last is final (the text after it
  // is already there), so each push scans again only from the end of the last final word.
  const words: Word[] = [];
  let final = 0;
  // Both score patterns need a digit: until one arrives there is nothing for them to find.
  let firstDigit = -1;
  // Complete words never change as text is added, so each window of them is checked once.
  let checkedRuns = 0;
  const scan = () => {
    words.length = final;
    WORD_SCAN.lastIndex = final > 0 ? (words[final - 1] as Word).end : 0;
    for (let m = WORD_SCAN.exec(text); m; m = WORD_SCAN.exec(text)) words.push(wordOf(m));
    final = Math.max(0, words.length - 1);
  };
  const check = (upTo: number, complete: number) => {
    if (firstDigit >= 0 && firstDigit < upTo && SCORE_PATTERNS.some((p) => p.test(text.slice(0, upTo)))) problem = 'stated a score';
    if (secret.length === 0) return;
    for (let i = checkedRuns; i + REVEAL_RUN_WORDS <= complete && !problem; i += 1) {
      if (revealsSecret(runAt(words, i), secret, seen)) problem = 'gave away the reference answer';
      checkedRuns = i + 1;
    }
  };
  const release = (upTo: number) => {
    if (problem || upTo <= shown) return '';
    const out = text.slice(shown, upTo);
    shown = upTo;
    return out;
  };
  return {
    push(delta) {
      if (firstDigit < 0) {
        const at = delta.search(DIGIT);
        if (at >= 0) firstDigit = text.length + at;
      }
      text += delta;
      scan();
      // The last word may still be growing; judge only the text before it.
      const open = OPEN_END.test(text.slice(-2)) ? words[words.length - 1] : undefined;
      const complete = open ? words.length - 1 : words.length;
      check(open ? open.start : text.length, complete);
      const holdFrom = words[complete - hold];
      return release(holdFrom ? holdFrom.start : shown);
    },
    flush() {
      check(text.length, words.length);
      return release(text.length);
    },
    get problem() {
      return problem;
    },
  };
}
