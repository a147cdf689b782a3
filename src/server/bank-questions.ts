// A stored plan holds its own copy of every question (a session never depends on the bank changing),
// so a session rebuilt from the store gets fresh objects parsed from JSON. Where the copy is still
// identical to the bank's question, the runner uses the bank's object instead: the per-question work
// of the LLM path (reply schemas, prompt values, quote terms, cached by question object and built
// ahead at start-up by warm-scorer.ts) is then found instead of rebuilt for every session, and the
// scorer and prompt code see one long-lived object shape rather than each session's parsed copy,
// whose hidden classes V8 keeps generalising (and deoptimising code for) as sessions arrive.
import type { Question } from '../engine/bank/schema.js';
import type { Plan } from '../engine/plan.js';
import { packedMap } from '../engine/scoring/stable-arrays.js';

export class BankQuestions {
  private readonly byId = new Map<string, { question: Question; json?: string }>();

  constructor(questions: readonly Question[]) {
    for (const question of questions) this.byId.set(question.id, { question });
  }

  /** The bank's own object for `stored` when the two are the same question (same JSON); else `stored`. */
  canonical(stored: Question): Question {
    const known = this.byId.get(stored.id);
    if (!known) return stored;
    if (known.question === stored) return stored;
    known.json ??= JSON.stringify(known.question);
    return JSON.stringify(stored) === known.json ? known.question : stored;
  }

  /** `plan` with every question that is unchanged in the bank replaced by the bank's object. */
  plan(plan: Plan): Plan {
    return { ...plan, questions: packedMap(plan.questions, (q) => this.canonical(q)) };
  }
}
