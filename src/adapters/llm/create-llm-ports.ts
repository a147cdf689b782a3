// Builds the LLM interviewer and judge from the configuration, sharing one client (and what it
// learns about the server).
import type { Config } from '../../config.js';
import type { Assessor, Interviewer, Judge } from '../../engine/ports.js';
import type { Saturation } from './call-gate.js';
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
  };
}
