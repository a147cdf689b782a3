// Reads a behavioural answer as a story, clause by clause, with no NLP library: who did what (an
// action is a past-tense verb after "I", or after "and"/"then" in a clause "I" opened; "we" actions
// are kept apart), what is only hypothetical ("I would", "I'd", "if I were"), what changed afterwards
// (a result: a change stated after the first action, measured when it carries a number), and what
// the speaker says changed in how they work (reflection). One pass over the words of each sentence.
import { itemAt, packedMap } from './stable-arrays.js';

/** What the story says, as counts the STAR criteria map to levels. */
export interface StorySignals {
  sentences: number;
  /** Sentences told in the past tense, outside a hypothetical. */
  narrative: number;
  /** Sentences that are hypothetical ("I would ...", "if I were ...") and not retrospective. */
  hypothetical: number;
  /** Distinct verbs of actions the speaker took ("I pulled", "... and compared"). */
  ownActions: number;
  /** Distinct verbs of actions the group took ("we rebalanced", "the team adopted"). */
  teamActions: number;
  /** Actions the speaker says they did not take ("I never built", "I didn't ask"). */
  negatedActions: number;
  /** Reasons given for the speaker's actions ("because", "so that", "rather than"). */
  reasons: number;
  /** Setting: a time or place anchor, the context, and the stakes or constraint. */
  anchor: boolean;
  context: boolean;
  stakes: boolean;
  /** Sentences after the first action stating a change or an outcome; `measured` when one has a number. */
  results: number;
  measured: boolean;
  /** The speaker's own retrospective statements; `teamReflection` for "we now ...", "the team's takeaway". */
  reflection: number;
  teamReflection: number;
  /** "Nothing changed", "I don't know how it turned out": a stated absence of result or lesson. */
  deniesOutcome: boolean;
}

const IRREGULAR_PAST = new Set(
  `built rebuilt wrote rewrote ran reran took made gave found set put chose led sent got went brought caught told spent kept
  met taught drove dug cut split shut began sat stood held won lost left paid sold bought drew grew threw broke spoke
  overtook undertook withdrew swapped sought fed fought hit laid oversaw read`.split(/\s+/),
);
/** Past forms that are not actions: states, thoughts, wishes and the setting ("I joined", "I owned"). */
const NOT_ACTIONS = new Set(
  `was were had did could would should might thought felt believed guessed knew wanted needed liked loved hoped
  realised realized learned learnt noticed seemed remembered expected meant happened assumed owned joined inherited
  worked used supposed tended enjoyed got red`.split(/\s+/),
);
/** Words ending in -ed that are not past tenses. */
const NOT_PAST = new Set('need speed seed feed bed shed embed bred indeed hundred red bleed breed exceed proceed succeed weed greed'.split(' '));
/** Words that may sit between a subject and its verb ("I first rolled back"). */
const ADVERBS = new Set(
  `first then also just quickly immediately personally eventually finally deliberately actually still only even
  later soon straight carefully manually myself again instead basically really kind sort of probably think believe guess
  i'm i'd fairly pretty sure`.split(/\s+/),
);
/** "if I went", "when I joined": the clause is a condition or the setting, not an action. */
const CONDITIONAL = new Set(['if', 'when', 'whenever', 'unless', 'once', 'until', 'before', 'after', 'whether']);
const LINKS = new Set(['and', 'then', ',', 'but', 'so', 'or']);
const OTHER_SUBJECTS = new Set(['he', 'she', 'they', 'it', 'who', 'which', 'that', 'this', 'there', 'everyone', 'nobody', 'someone', 'people', 'you', 'what', 'where']);
/** Before these a past participle is an adjective or a passive ("a distilled model", "was rejected"): no one's action. */
const NOT_AGENTS = new Set(
  `a an the our my their his her its this that these those some any every each well newly fully hand self was were is are be been being get gets
  got of with by for from in on at to into than most more less very`.split(/\s+/),
);
const NEGATIONS = /\bi (didn't|did not|never|wouldn't|couldn't|refused to|chose not to|decided not to)\b/g;

const HYPOTHETICAL = /\b(i'd|i would|i will|i'll|i might|i could|if i were|if i was|i'm going to|i usually|usually i|i tend to|i generally|it depends)\b/;
const DECLINING = /\b(not|never|rather|n't|no)\b|n't\b/;
/** Marks a conditional as looking back at the story ("next time I'd ...") or a habit it left ("since then I ..."). */
const RETROSPECTIVE = /\b(again|next time|differently|hindsight|looking back|should have|would have|if i (did|redid|started|had|were to do)|since then|ever since|these days|nowadays)\b/;

const ANCHOR =
  /\b(last|this|that|one|a|the) (year|spring|summer|autumn|fall|winter|quarter|month|week|sprint|tuesday|monday|friday|term|semester)\b|\bin (19|20)\d\d\b|\b(ago|once)\b|\bin my (first|second|third|last|previous|current|old|former|new) (year|role|job|team|company|month|week|position)\b|\bat (my|a|an|our) (previous |last |former |old )?[a-z-]+ ?(company|startup|job|firm|lab|team|agency|bank|app|marketplace|retailer|shop)\b|\bwhen i (joined|was|moved|started|worked)\b|\b(over|during) (one|a|the|my) [a-z-]+\b|\bi (was responsible|owned|was in charge|led|worked on|joined|inherited|was moved|got moved|was asked|had to)\b|^situation\b|\bon (the )?weekends?\b|\bin my (spare|free) time\b|\bside project\b|\boutside (of )?(work|my job)\b|\b(our|my) (team|company|startup|product|service|app|group|lab|feature|platform|system|pipeline|model|job|manager|client)\b/;
const CONTEXT =
  /\b(team|project|side project|client|customers?|users?|product|feature|service|company|pilot|launch|demo|release|app|pipeline|dashboard|model|startup|job|role|work|tool|api|classifier|chatbot|assistant|dataset|meetup|conference|community|course)\b/;
const STAKES =
  /\b(deadline|budget|cap|limit|latency|had to|needed to|before (a|the|our)|weeks? (before|to)|complain\w*|problem|no way to|kept|slowing|cost|bill|spend|under \d|too slow|broke|failing|wrong|blocked|struggl\w+|expected to|pressure|at stake|risk|wanted to|wanted something|goal|aim\w*|to prove|to show|a (week|month|fortnight)|no (prior|background|experience)|never (touched|worked|used|done)|unfamiliar|new to|nobody|no one|couldn't|could not|unable|wasn't able|slow|expensive|too|surprising|halved|doubled)\b|\d/;

const RESULT_WORDS =
  /\b(dropped|fell|rose|recovered|restored|returned to|went (from|up|down|out|live|to|back|fine|well)|came (down|back)|cut|reduced|increased|improved|halved|doubled|grew|shrank|stayed|hit|reached|matched|finished|finishes|shipped|launched|relaunched|caught|saved|stopped|ended up|was ready|were back|(is|was|are|were|stayed) back|back (at|to|under)|led to|resulted|adopted|used the|have used|has used|have tried|contributed|passed|worked|succeeded|was trusted|were trusted|no (repeat|recurrence|rollback)s?|nothing similar|has not happened|hasn't happened|haven't had|have had no|without (a|any) (rollback|incident|repeat)|now (finishes|takes|runs|costs)|result|outcome|in the end|afterwards|after (the|my|our) (fix|change|switch|relaunch|launch|rollout)|(was|were|stayed|is|are) (zero|down|under|below|at|within)|went (smoothly|well))\b/;
const RESULT_WORDS_ALL = new RegExp(RESULT_WORDS.source, 'g');
const MEASURE = /\d|\b(half|third|quarter|fifth|twice|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|percent|points?)\b/;
/** A before/after comparison: "up from 4", "from 14 to 9", "down to half". */
const COMPARISON = /\b(up|down) (from|to)\b|\bfrom \S+ (percent |%)?to \S+|\bcompared with (before|the old|the previous)\b/;
const RESULT_LABEL = /^(result|outcome|impact)s?\b/;

/** Retrospective statements; who they are about decides own or team reflection. */
const REFLECTION =
  /\b(learned|learnt|realised|realized|took away|taught me|lesson|takeaway|took from|in hindsight|looking back|next time|again|since then|ever since|now|should have|would have|differently|habit|make a point|owned (that|up|it)|said plainly|admit\w*|reflection|the main thing)\b/;
const REFLECTION_MIN_WORDS = 7;
const REFLECTION_LABEL = /^(reflection|lesson|learning|takeaway)s?\b/;
const FIRST_PERSON = /\b(i|my|me|i'd|i've|i'm)\b/;
const TEAM_PERSON = /\b(we|our|the team|team's|us)\b/;
const DENIES =
  /\bnothing changed\b|\b(don't|do not) (really )?know how it (turned out|went|ended)\b|\bnever found out\b|\b(wasn't|was not|isn't) (really )?(on me|my fault|my problem)\b|\bnot my (fault|problem)\b/;
const REASON = /\b(because|so that|since|in order to|to make sure|to avoid|rather than|instead of|which is why|so i|so we)\b/g;

const isPast = (w: string): boolean => IRREGULAR_PAST.has(w) || (w.length > 4 && w.endsWith('ed') && !NOT_PAST.has(w));

/** Splits folded text into sentences (a labelled part "Action: ..." starts a sentence). */
function sentencesOf(folded: string): string[] {
  return packedMap(folded
    .split(/(?<=[.!?;])\s+|\n+|\s(?=(?:situation|task|action|result|reflection|outcome|lesson)s?:)/), (s) => s.trim())
    .filter((s) => /[a-z]/.test(s));
}

interface ClauseActions {
  own: string[];
  team: string[];
  other: number;
}

// Subject tracking over one sentence: a past verb belongs to the subject just before it (adverbs
// skipped), or, after "and"/"then"/a comma, to the subject that opened the clause.
function actionsOf(sentence: string): ClauseActions {
  const words = sentence.match(/[a-z0-9][a-z0-9'-]*|,/g) ?? [];
  const out: ClauseActions = { own: [], team: [], other: 0 };
  let subject: 'i' | 'we' | 'other' | null = null;
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i] as string;
    if (w === 'i') subject = CONDITIONAL.has(words[i - 1] ?? '') ? 'other' : 'i';
    else if (w === 'we' || (w === 'team' && (words[i - 1] === 'the' || words[i - 1] === 'our'))) subject = 'we';
    else if (OTHER_SUBJECTS.has(w)) subject = 'other';
    else if (isPast(w) && !NOT_ACTIONS.has(w)) {
      let j = i - 1;
      while (j >= 0 && ADVERBS.has(words[j] as string)) j -= 1;
      const before = itemAt(words, j);
      if (before !== undefined && NOT_AGENTS.has(before)) continue;
      // An action acts on something: "I led." or "I improved, and ..." with nothing after the verb is a claim, not a step.
      const next = itemAt(words, i + 1);
      if (next === undefined || next === ',' || LINKS.has(next)) continue;
      const owner = before === 'i' ? (subject === 'i' ? 'i' : 'other') : before === 'we' || before === 'team' ? 'we' : before && LINKS.has(before) ? subject : 'other';
      if (owner === 'i') out.own.push(w);
      else if (owner === 'we') out.team.push(w);
      else {
        out.other += 1;
        if (before !== 'had' && before !== 'have' && before !== 'has') subject = 'other';
      }
    }
  }
  return out;
}

/** Clauses of a sentence, for the order of events: ", and then ...", ", so ...", "; which ...". */
const clausesOf = (sentence: string): string[] => sentence.split(/,\s*(?=and\b|so\b|which\b|then\b|but\b)|\band then\b/);

/** Reads the folded answer as a story. */
export function readStory(folded: string): StorySignals {
  const sentences = sentencesOf(folded);
  const own = new Set<string>();
  const team = new Set<string>();
  let narrative = 0;
  let hypothetical = 0;
  let acted = false;
  let results = 0;
  let measured = false;
  let reflection = 0;
  let teamReflection = 0;
  for (const s of sentences) {
    const acts = actionsOf(s);
    const doers = acts.own.length + acts.team.length;
    const labelled = REFLECTION_LABEL.test(s);
    const hypo = doers === 0 && !labelled && HYPOTHETICAL.test(s) && !RETROSPECTIVE.test(s);
    if (hypo) {
      // "I'd rather not ...", "I haven't ...": declining, not even a generic plan.
      if (!DECLINING.test(s)) hypothetical += 1;
      continue;
    }
    if (doers + acts.other > 0) narrative += 1;
    for (const v of acts.own) own.add(v);
    for (const v of acts.team) team.add(v);
    // A result is a change stated after the story's first action (or a part labelled "Result:").
    for (const clause of clausesOf(s)) {
      const c = actionsOf(clause);
      // After the first action, a before/after comparison ("up from 4") is an outcome even without a change verb.
      const changed = acted && COMPARISON.test(clause);
      if (RESULT_LABEL.test(clause.trim()) || (acted && RESULT_WORDS.test(clause)) || changed) {
        // "answers dropped ... and tickets fell": two outcomes in one clause.
        results += Math.max(1, new Set(clause.match(RESULT_WORDS_ALL)).size);
        if (MEASURE.test(clause)) measured = true;
      }
      if (c.own.length + c.team.length > 0 || (doers > 0 && c.other > 0)) acted = true;
    }
    if (labelled || REFLECTION.test(s)) {
      // "I learned a lot." names a lesson without saying what it was: less than a sentence that does.
      const weight = s.split(/\s+/).length >= REFLECTION_MIN_WORDS ? 1 : 0.4;
      if (FIRST_PERSON.test(s) || (labelled && !TEAM_PERSON.test(s))) reflection += weight;
      else if (TEAM_PERSON.test(s)) teamReflection += weight;
    }
  }
  const opening = sentences.slice(0, 2).join(' ');
  return {
    sentences: sentences.length,
    narrative,
    hypothetical,
    ownActions: own.size,
    teamActions: team.size,
    negatedActions: [...folded.matchAll(NEGATIONS)].length,
    reasons: [...folded.matchAll(REASON)].length,
    anchor: ANCHOR.test(opening) || sentences.some((x) => /^situation\b/.test(x)),
    context: CONTEXT.test(opening),
    stakes: STAKES.test(opening),
    results,
    measured,
    reflection,
    teamReflection,
    deniesOutcome: DENIES.test(folded),
  };
}
