// The input of the progress functions: what a profile practised, as the store holds it (the plan's
// questions, the evaluations, the times of the turns). Built by the shell from the database.
import type { KeyPoint, Question } from '../bank/schema.js';
import type { Score } from '../scoring/types.js';

export type PracticeQuestion = Pick<Question, 'id' | 'topic' | 'prompt'> & { keyPoints: Pick<KeyPoint, 'id' | 'statement' | 'weight'>[] };

export interface PracticeEvaluation {
  questionIndex: number;
  questionId: string;
  attempt: number;
  at: number;
  score: Score;
}

export interface PracticeSession {
  id: string;
  createdAt: number;
  /** The plan's questions, in plan order (evaluations refer to them by index). */
  questions: PracticeQuestion[];
  /** In the order they were stored. */
  evaluations: PracticeEvaluation[];
  /** When each turn (either side) happened. */
  turnTimes: number[];
}
