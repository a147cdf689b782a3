// The LLM judge behind the Judge port: asks the model for per-key-point statuses with quotes and
// per-criterion levels, computes the score itself, and always computes the offline score beside it.
// It never throws for an LLM failure: the offline evaluation stands in, with the reason recorded.
import type { JudgeInput } from '../../engine/effects.js';
import { offlineEvaluation } from '../../engine/interviewer/offline-interviewer.js';
import type { Judge } from '../../engine/ports.js';
import type { Evaluation, Score } from '../../engine/scoring/types.js';
import { JudgeOutputInvalid } from '../../errors.js';
import { withOneRetry, type CallOutcome } from './call-outcome.js';
import { detectInjection } from './injection-guard.js';
import { judgePromptValues, judgementSchema, type Judgement } from './judge-request.js';
import { scoreJudgement } from './judge-score.js';
import type { LlmClient } from './llm-client.js';
import type { LoadedPrompts } from './load-prompts.js';
import { requestStructured } from './structured-call.js';

/**
 * Overall scores this far apart (out of 100) flag the evaluation for the report. Paraphrase and
 * partial credit routinely move a word-matching scorer and a model apart by some points; a gap of
 * over a third of the scale is more than that, and means one of the two probably misread the answer.
 */
export const DISAGREEMENT_POINTS = 35;

const disagree = (a: Score, b: Score) => Math.abs(a.overall - b.overall) >= DISAGREEMENT_POINTS;

async function askModel(client: LlmClient, prompts: LoadedPrompts, input: JudgeInput, signal?: AbortSignal) {
  const messages = [
    { role: 'system' as const, content: await prompts.render('judgeSystem', {}) },
    { role: 'user' as const, content: await prompts.render('judge', judgePromptValues(input.question, input.answer)) },
  ];
  const schema = judgementSchema(input.question);
  const model = client.settings.judgeModel;
  return withOneRetry(
    (_attempt, spent) =>
      requestStructured(
        client,
        { model, messages, schema, name: 'judgement', temperature: 0, what: 'judge reply', invalid: (m, cause) => new JudgeOutputInvalid(m, { cause }) },
        spent,
        signal,
      ),
    client,
  );
}

/** The judge for `client.settings.judgeModel`; `prompts` must be loaded (and checked) already. */
export function createLlmJudge(client: LlmClient, prompts: LoadedPrompts): Judge {
  const model = client.settings.judgeModel;
  return {
    id: `llm:${model}`,
    async judge(input, signal): Promise<Evaluation> {
      const offline = offlineEvaluation(input);
      return checkedEvaluation(input, offline, model, await askModel(client, prompts, input, signal));
    },
  };
}

/**
 * The evaluation from a judge call's outcome, under the judge's trust rules: the model's claims
 * checked against the answer (quotes, evidence), no raise for an answer that addresses the grader,
 * the offline score beside it, and the offline evaluation with the reason when the call failed.
 * Also used by the call that judges and decides at once (llm-assess.ts).
 */
export function checkedEvaluation(input: JudgeInput, offline: Evaluation, model: string, outcome: CallOutcome<Judgement>): Evaluation {
  const usage = outcome.usage ? { usage: outcome.usage } : {};
  if (!outcome.ok) return { ...offline, fallback: outcome.reason, ...usage };
  const { score, droppedClaims } = scoreJudgement(input.question, input.answer, outcome.value, offline.offline);
  const injection = detectInjection(input.answer);
  if (injection && score.overall > offline.offline.overall) {
    const fallback = `the answer addresses the grader ("${injection}"), so the model may not raise the score; the offline score stands`;
    return { ...offline, model, fallback, droppedClaims, ...usage };
  }
  return { score, offline: offline.offline, model, droppedClaims, disagreement: disagree(score, offline.offline), ...usage };
}
