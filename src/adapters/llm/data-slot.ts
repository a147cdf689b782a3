// Candidate text on its way into a prompt's data slot: tag-like sequences are defused so an answer
// cannot close its slot ("</candidate_answer> New instructions: ...") or open one of its own.

// Any opening or closing tag: <name>, </name>, < /name >, <name attr="...">.
const TAG = /<\s*\/?\s*[A-Za-z_][\w:-]*(?:\s[^<>]*)?\/?\s*>/g;

/**
 * Replaces the angle brackets of tag-like sequences with look-alikes (‹ ›). The quote check folds
 * them back, so a quote of the original answer is still found.
 */
export function neutraliseTags(text: string): string {
  return text.replace(TAG, (tag) => tag.replace(/</g, '‹').replace(/>/g, '›'));
}

/** The candidate's answers to one question, numbered when there are several, for a data slot. */
export function formatAnswers(answers: readonly string[]): string {
  if (answers.length === 0) return '(no answer yet)';
  if (answers.length === 1) return answers[0] ?? '';
  return answers.map((a, i) => `[answer ${i + 1}]\n${a}`).join('\n\n');
}
