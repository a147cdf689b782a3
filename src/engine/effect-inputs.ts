// Builds the speak / judge / decide effects from the state, so each carries all its port needs.
import { outcomeOfEvaluation, type AnswerOutcome } from './answer-outcome.js';
import type { Effect, SpeakInput } from './effects.js';
import type { LineRequest } from './lines.js';
import { itemAt, packedMap } from './scoring/stable-arrays.js';
import { answerTexts, combinedAnswer, latestEvaluation, type SessionState } from './state.js';

/** The interviewer's lines so far, pushed into a packed array (see answerTexts). */
function interviewerLines(state: SessionState): string[] {
  const out: string[] = [];
  for (const e of state.transcript) if (e.role === 'interviewer') out.push(e.text);
  return out;
}

/** How the plan's first `count` questions went, for the closing line. */
export function closingSummary(state: SessionState, count: number): NonNullable<SpeakInput['summary']> {
  return packedMap(state.plan.questions.slice(0, count), (q, i) => {
    const p = state.questions[i];
    const e = p ? latestEvaluation(p) : undefined;
    return { questionId: q.id, prompt: q.prompt, overall: e ? e.score.overall : null, status: p?.status ?? 'pending' };
  });
}

export function speakEffect(state: SessionState, request: LineRequest): Effect {
  const index = 'questionIndex' in request ? request.questionIndex : undefined;
  const question = index !== undefined ? state.plan.questions[index] : undefined;
  const progress = index !== undefined ? state.questions[index] : undefined;
  const evaluation = progress ? latestEvaluation(progress) : undefined;
  return {
    type: 'speak',
    input: {
      request,
      mode: state.plan.mode,
      seed: state.plan.seed,
      seq: state.nextSeq,
      ...(question ? { question, questionNumber: (index ?? 0) + 1 } : {}),
      questionTotal: state.plan.questions.length,
      answers: answerTexts(progress),
      ...(evaluation ? { evaluation } : {}),
      ...(request.kind === 'question' && request.transition && index !== undefined ? outcomeBefore(state, index - 1) : {}),
      said: interviewerLines(state),
      ...(request.kind === 'closing' ? { summary: closingSummary(state, state.plan.questions.length) } : {}),
      ...(state.plan.mode === 'mock'
        ? { session: packedMap(state.plan.questions, (q, i) => ({ question: q, answers: answerTexts(itemAt(state.questions, i)) })) }
        : {}),
    },
  };
}

// How question `index` ended: skipped or timed out (its last entry says so), else its evaluation.
function outcomeBefore(state: SessionState, index: number): { previousOutcome?: AnswerOutcome } {
  const progress = state.questions[index];
  if (!progress) return {};
  const last = [...state.transcript].reverse().find((e) => e.questionIndex === index && e.role !== 'interviewer');
  if (last?.kind === 'skip') return { previousOutcome: 'skipped' };
  if (last?.kind === 'timeout') return { previousOutcome: 'timed-out' };
  const evaluation = latestEvaluation(progress);
  return evaluation ? { previousOutcome: outcomeOfEvaluation(evaluation) } : {};
}

export function judgeEffect(state: SessionState): Effect {
  const question = state.plan.questions[state.current];
  const progress = state.questions[state.current];
  if (!question || !progress) throw new Error('judgeEffect without a question in play');
  return { type: 'judge', questionIndex: state.current, input: { question, answer: combinedAnswer(progress) } };
}

export function decideEffect(state: SessionState): Effect {
  const question = state.plan.questions[state.current];
  const progress = state.questions[state.current];
  const evaluation = progress && latestEvaluation(progress);
  if (!question || !progress || !evaluation) throw new Error('decideEffect without an evaluated answer');
  return {
    type: 'decide',
    questionIndex: state.current,
    input: {
      mode: state.plan.mode,
      seed: state.plan.seed,
      question,
      answers: answerTexts(progress),
      evaluation,
      followUpsAsked: progress.followUps.length,
      maxFollowUps: state.plan.maxFollowUps,
      probed: packedMap(progress.followUps, (f) => f.target),
      ...(state.plan.focus?.[question.id] ? { focus: state.plan.focus[question.id] } : {}),
    },
  };
}

/**
 * The effects a shell must (re)issue to carry a state forward: used when a session is rebuilt
 * from the database after a restart, where the in-flight effect was lost with the old process.
 */
export function pendingEffects(state: SessionState): Effect[] {
  switch (state.phase) {
    case 'speaking':
      return state.queue[0] ? [speakEffect(state, state.queue[0])] : [];
    case 'judging':
      return [judgeEffect(state)];
    case 'deciding':
      return [decideEffect(state)];
    case 'answering': {
      const progress = state.questions[state.current];
      const timers: Effect[] = [];
      if (state.plan.timeBudgetMs !== undefined && state.startedAt !== undefined) {
        timers.push({ type: 'timer', scope: 'interview', questionIndex: -1, deadline: state.startedAt + state.plan.timeBudgetMs });
      }
      if (state.plan.questionTimeLimitMs !== undefined && progress?.askedAt !== undefined) {
        timers.push({ type: 'timer', scope: 'question', questionIndex: state.current, deadline: progress.askedAt + state.plan.questionTimeLimitMs });
      }
      return timers;
    }
    default:
      return [];
  }
}
