// The one-line verdict: coaching by score band and the weakest questions, never a hire / no-hire call.
import type { Gap, Overall, ScoreBand } from './report-schema.js';
import { questionList } from './study-focus.js';

const LINES: Record<ScoreBand, { withGap: string; noGap: string }> = {
  strong: {
    withGap: 'Strong, well-grounded answers; to make them airtight, revisit {gap}.',
    noGap: 'Strong, well-grounded answers that covered every key point; try a harder difficulty next.',
  },
  solid: {
    withGap: 'A solid base with a few gaps to close; the biggest one is {gap}.',
    noGap: 'A solid base; push for more depth and precision in each answer.',
  },
  developing: {
    withGap: 'You have the outline of good answers; build depth next, starting with {gap}.',
    noGap: 'You have the outline of good answers; build depth and precision next.',
  },
  starting: {
    withGap: 'Early days: work through the fundamentals, starting with {gap}, then try these questions again.',
    noGap: 'Early days: work through the fundamentals, then try these questions again.',
  },
};

/** The weakest question of the top gap, by number, score and topic: "question 3 (42/100, on Transformers and attention)". */
function gapName(gap: Gap): string {
  const weakest = gap.questions.slice(0, 1);
  return `${questionList(weakest).replace(/\)$/, `, on ${gap.title})`)}`;
}

/** A coaching line chosen by the overall score's band and the top gap. */
export function verdictOf(overall: Overall, gaps: Gap[]): string {
  if (overall.score === null || overall.band === null) {
    return 'Nothing was scored yet: answer at least one question to see where you stand and what to study.';
  }
  if (overall.answered === 0) {
    return gaps[0]
      ? `No question was answered; start with ${gapName(gaps[0])} and try again.`
      : 'No question was answered; have a go at the next session, even a partial answer helps.';
  }
  const line = LINES[overall.band];
  return gaps[0] ? line.withGap.replace('{gap}', gapName(gaps[0])) : line.noGap;
}
