// Builds the LLM interviewer and judge from the configuration, sharing one client (and what it
// learns about the server).
import type { Config } from '../../config.js';
import type { Assessor, Interviewer, Judge } from '../../engine/ports.js';
import type { Question } from '../../engine/bank/schema.js';
import type { Saturation } from './call-gate.js';
import { warmChecks } from './warm-checks.js';
import { createLlmClient } from './llm-client.js';
import { createLlmInterviewer } from './llm-interviewer.js';
import { createLlmAssessor } from './llm-assess.js';
import { createLlmJudge } from './llm-judge.js';
import type { LoadedPrompts } from './load-prompts.js';
import { describeLlm, llmSettingsFrom } from './llm-settings.js';

export interface LlmPorts {
  interviewer: Interviewer;
  judge: Judge;
  /** Judges and decides in one call (see llm-assess.ts). */
  assessor: Assessor;
  /** "gpt-4o-mini at https://api.openai.com/v1" */
  description: string;
  /** Why the model path is saturated now (new sessions are refused meanwhile), or undefined. */
  saturation: () => Saturation | undefined;
  /** Builds a question's reply schemas and quote terms ahead of its first answer (see warm-checks.ts). */
  warmQuestion: (question: Question) => void;
}

/** The LLM ports. Call only when `llmConfigured(config)`; `prompts` come from `loadPrompts`. */
export function createLlmPorts(config: Config, prompts: LoadedPrompts): LlmPorts {
  const settings = llmSettingsFrom(config);
  const client = createLlmClient(settings);
  const judge = createLlmJudge(client, prompts);
  return {
    interviewer: createLlmInterviewer(client, prompts),
    judge,
    assessor: createLlmAssessor(client, prompts, judge),
    description: describeLlm(settings),
    saturation: () => client.gate.saturation(),
    warmQuestion: warmChecks,
  };
}
