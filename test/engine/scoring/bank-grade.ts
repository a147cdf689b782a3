// Scores an answer to a question of the repository's bank (rubrics/) the way the offline scorer
// sees it in an interview: the question's reference, key points and rubric. Shared by the scoring tests.
import { loadBank } from '../../../src/adapters/bank/load-bank.js';
import { scoreOffline } from '../../../src/engine/scoring/offline-scorer.js';
import { defaultBankDir } from '../../../src/paths.js';

export const bank = await loadBank(defaultBankDir());

/** The offline score of `answer` to bank question `questionId`. */
export function gradeBank(questionId: string, answer: string) {
  const q = bank.questions.find((x) => x.id === questionId);
  if (!q) throw new Error(`bank question ${questionId} is missing`);
  return scoreOffline({ question: q.prompt, reference: q.referenceAnswer, keyPoints: q.keyPoints, rubric: q.rubric, answer });
}
