// What the model path builds once per question, built ahead of the question's first answer: the
// judge's reply schemas (zod compiles a parser the first time one is used) and the terms the quote
// relevance check reads from the reference. Called at start-up for every bank question (warm-scorer.ts).
import type { Question } from '../../engine/bank/schema.js';
import { DEPTH } from './decide-request.js';
import { judgementSchema } from './judge-request.js';
import { assessmentSchemas } from './llm-assess.js';
import { relevantTerms } from './quote-relevance.js';

export function warmChecks(question: Question): void {
  judgementSchema(question).safeParse({});
  // The targets of a first answer in a mock interview: every key point, and depth.
  assessmentSchemas(question, [...question.keyPoints.map((k) => k.id), DEPTH]).parse.safeParse({});
  const first = question.keyPoints[0];
  if (first) relevantTerms(question, first.id, '');
}
