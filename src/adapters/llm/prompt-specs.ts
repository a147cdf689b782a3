// The prompt files Probe reads from prompts/, and for each the exact variables the code supplies.
// Variables holding candidate text are data slots: the template must wrap them in their tag.

/** One prompt file: its variables, and which of them are candidate text (variable -> tag). */
export interface PromptSpec {
  file: string;
  /** What the prompt is for, shown in load errors. */
  purpose: string;
  variables: readonly string[];
  slots: Readonly<Record<string, string>>;
}

/** Tag of the slot holding the answer the judge grades. */
export const ANSWER_TAG = 'candidate_answer';
/** Tag of the slot holding the candidate's answers to the current question, for the interviewer. */
export const ANSWERS_TAG = 'candidate_answers';

export const PROMPT_SPECS = {
  persona: {
    file: 'interviewer-persona.md',
    purpose: "the interviewer's persona and rules (system message of every interviewer call)",
    variables: ['mode'],
    slots: {},
  },
  opening: {
    file: 'opening.md',
    purpose: 'the opening line',
    variables: ['mode', 'question_total'],
    slots: {},
  },
  transition: {
    file: 'transition.md',
    purpose: 'the bridge to the next question',
    variables: ['question', 'question_number', 'question_total'],
    slots: {},
  },
  followUp: {
    file: 'follow-up.md',
    purpose: 'a follow-up question',
    variables: ['mode', 'question', 'answers', 'target', 'example', 'round'],
    slots: { answers: ANSWERS_TAG },
  },
  closing: {
    file: 'closing.md',
    purpose: 'the closing line',
    variables: ['reason', 'summary'],
    slots: {},
  },
  decide: {
    file: 'decide.md',
    purpose: 'the decision to follow up or move on',
    variables: ['mode', 'question', 'answers', 'coverage', 'targets', 'follow_ups_left', 'output_format'],
    slots: { answers: ANSWERS_TAG },
  },
  judgeSystem: {
    file: 'judge-system.md',
    purpose: "the judge's rules (system message of every judge call)",
    variables: [],
    slots: {},
  },
  assessDecision: {
    file: 'assess-decision.md',
    purpose: 'the decision asked for in the same call as the grading (after judge.md)',
    variables: ['mode', 'targets', 'follow_ups_left', 'output_format'],
    slots: {},
  },
  turnLine: {
    file: 'turn-line.md',
    purpose: 'the line written after the judgement and decision in the same streamed reply (after judge.md)',
    variables: ['persona', 'follow_up', 'move_on'],
    slots: {},
  },
  turnFollowUp: {
    file: 'turn-follow-up.md',
    purpose: 'how to write a follow-up in the judging reply (part of turn-line.md)',
    variables: ['round', 'examples'],
    slots: {},
  },
  turnMoveOn: {
    file: 'turn-move-on.md',
    purpose: 'how to write the bridge to the next question in the judging reply (part of turn-line.md)',
    variables: ['question', 'question_number', 'question_total'],
    slots: {},
  },
  turnClose: {
    file: 'turn-close.md',
    purpose: 'how to write the closing line in the judging reply on the last question (part of turn-line.md)',
    variables: ['summary', 'question_number'],
    slots: {},
  },
  judge: {
    file: 'judge.md',
    purpose: 'the grading request',
    variables: ['question', 'reference_answer', 'key_points', 'rubric', 'output_format', 'answer'],
    slots: { answer: ANSWER_TAG },
  },
} as const satisfies Record<string, PromptSpec>;

export type PromptName = keyof typeof PROMPT_SPECS;

/** The values a prompt needs: one string per declared variable, no more, no fewer. */
export type PromptValues<N extends PromptName> = Record<(typeof PROMPT_SPECS)[N]['variables'][number], string>;
