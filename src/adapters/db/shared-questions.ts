// Sessions share their questions in memory. A plan copies its questions in, so a session never
// depends on the bank changing, and every session read from the database would hold its own copy
// (about 5 KB a question). Questions with identical content are handed out as one object; nothing
// mutates them (the engine is pure), and sharing also lets the scorer's per-question cache hit.
import type { Question } from '../../engine/bank/schema.js';
import type { Plan } from '../../engine/plan.js';

/** Distinct questions kept; a bank has about a hundred, so this only bounds a pathological store. */
const MAX_SHARED = 4096;
const shared = new Map<string, Question>();

function share(question: Question): Question {
  const key = JSON.stringify(question);
  const known = shared.get(key);
  if (known) return known;
  if (shared.size >= MAX_SHARED) shared.clear();
  shared.set(key, question);
  return question;
}

/** The plan with each question replaced by the shared object of the same content. */
export function withSharedQuestions(plan: Plan): Plan {
  return { ...plan, questions: plan.questions.map(share) };
}

/**
 * Makes the bank's own question objects the shared ones, so sessions read from the database use the
 * objects whose per-question caches were built at start-up.
 */
export function shareBankQuestions(questions: readonly Question[]): void {
  for (const q of questions) share(q);
}
