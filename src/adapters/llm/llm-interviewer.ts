// The LLM interviewer behind the Interviewer port: decides follow-ups with a small structured call
// constrained to the allowed targets, and phrases lines by streaming. It never throws for an LLM
// failure: the offline interviewer stands in for that turn, with the reason recorded.
import type { DecideInput } from '../../engine/effects.js';
import { offlineDecide } from '../../engine/interviewer/offline-decide.js';
import { OFFLINE_ID } from '../../engine/interviewer/offline-interviewer.js';
import type { DecisionResult, Interviewer } from '../../engine/ports.js';
import { LlmOutputInvalid } from '../../errors.js';
import { withOneRetry } from './call-outcome.js';
import { allowedTargets, decidePromptValues, decisionSchema, toDecision } from './decide-request.js';
import type { LlmClient } from './llm-client.js';
import { speakWithLlm } from './llm-speak.js';
import type { LoadedPrompts } from './load-prompts.js';
import { requestStructured } from './structured-call.js';

async function decideWithLlm(client: LlmClient, prompts: LoadedPrompts, id: string, input: DecideInput, signal?: AbortSignal): Promise<DecisionResult> {
  const targets = allowedTargets(input);
  // Nothing the plan allows to probe: no need to ask.
  if (targets.length === 0) return { decision: offlineDecide(input), by: OFFLINE_ID };
  const messages = [
    { role: 'system' as const, content: await prompts.render('persona', { mode: input.mode }) },
    { role: 'user' as const, content: await prompts.render('decide', decidePromptValues(input, targets)) },
  ];
  const outcome = await withOneRetry(
    (_attempt, spent) =>
      requestStructured(
        client,
        {
          model: client.settings.model,
          messages,
          schema: decisionSchema(targets),
          name: 'decision',
          temperature: 0,
          what: 'decision reply',
          invalid: (m, cause) => new LlmOutputInvalid(m, { cause }),
        },
        spent,
        signal,
      ),
    client,
  );
  const usage = outcome.usage ? { usage: outcome.usage } : {};
  if (!outcome.ok) return { decision: offlineDecide(input), by: OFFLINE_ID, fallback: outcome.reason, ...usage };
  return { decision: toDecision(outcome.value), by: id, ...usage };
}

/** The interviewer for `client.settings.model`; `prompts` must be loaded (and checked) already. */
export function createLlmInterviewer(client: LlmClient, prompts: LoadedPrompts): Interviewer {
  const id = `llm:${client.settings.model}`;
  return {
    id,
    decide: (input, signal) => decideWithLlm(client, prompts, id, input, signal),
    speak: (input, onDelta, signal) => speakWithLlm({ client, prompts, id }, input, onDelta, signal),
  };
}
