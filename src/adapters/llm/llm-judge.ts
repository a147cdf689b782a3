// The LLM judge behind the Judge port: asks the model for per-key-point statuses with quotes and
// per-criterion levels, computes the score itself, and always computes the offline score beside it.
// Sentences addressed to the grader never reach the model; which score counts is judge-policy.ts's
// call. It never throws for an LLM failure: the offline evaluation stands in, with the reason recorded.
import type { JudgeInput } from '../../engine/effects.js';
import { offlineEvaluation } from '../../engine/interviewer/offline-interviewer.js';
import type { Judge } from '../../engine/ports.js';
import { separateGraderAddress, type SeparatedAnswer } from '../../engine/scoring/grader-address.js';
import type { Evaluation } from '../../engine/scoring/types.js';
import { JudgeOutputInvalid } from '../../errors.js';
import { withOneRetry, type CallOutcome } from './call-outcome.js';
import { countedScore } from './judge-policy.js';
import { judgeMessage, judgementSchema, type Judgement } from './judge-request.js';
import { scoreJudgement } from './judge-score.js';
import type { LlmClient } from './llm-client.js';
import type { LoadedPrompts } from './load-prompts.js';
import { requestStructured } from './structured-call.js';

async function askModel(client: LlmClient, prompts: LoadedPrompts, input: JudgeInput, signal?: AbortSignal) {
  const messages = [
    { role: 'system' as const, content: await prompts.render('judgeSystem', {}) },
    { role: 'user' as const, content: await judgeMessage(prompts, input.question, input.answer) },
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
      // The offline evaluation has the grader-addressed sentences blanked and flagged, by the same screen.
      const screened = separateGraderAddress(input.answer);
      const offline = offlineEvaluation(input, screened);
      const outcome = await askModel(client, prompts, { ...input, answer: screened.kept }, signal);
      return checkedEvaluation(input.question, screened, offline, model, outcome);
    },
  };
}

/**
 * The evaluation from a judge call's outcome (the model saw `screened.kept`), under the judge's
 * trust rules: claims checked against the answer, which score counts by judge-policy.ts, the
 * offline evaluation with the reason when the call failed. Also used by the call that judges and
 * decides at once (llm-assess.ts).
 */
export function checkedEvaluation(question: JudgeInput['question'], screened: SeparatedAnswer, offline: Evaluation, model: string, outcome: CallOutcome<Judgement>): Evaluation {
  const usage = outcome.usage ? { usage: outcome.usage } : {};
  if (!outcome.ok) return { ...offline, fallback: outcome.reason, ...usage };
  // Quotes are checked against the answer with those sentences blanked: offsets stay the original's.
  const { score, droppedClaims } = scoreJudgement(question, screened.blanked, outcome.value, offline.offline);
  const counted = countedScore(score, offline.offline);
  const checks = counted.capped ? { llmScore: score.overall, capped: counted.capped } : {};
  const grader = offline.graderText ? { graderText: offline.graderText } : {};
  return { score: counted.score, offline: offline.offline, model, droppedClaims, disagreement: counted.disagreement, ...checks, ...grader, ...usage };
}
