// Builds the LLM interviewer and judge from the configuration, sharing one client (and what it
// learns about the server).
import type { Config } from '../../config.js';
import type { Interviewer, Judge } from '../../engine/ports.js';
import { createLlmClient } from './llm-client.js';
import { createLlmInterviewer } from './llm-interviewer.js';
import { createLlmJudge } from './llm-judge.js';
import type { LoadedPrompts } from './load-prompts.js';
import { describeLlm, llmSettingsFrom } from './llm-settings.js';

export interface LlmPorts {
  interviewer: Interviewer;
  judge: Judge;
  /** "gpt-4o-mini at https://api.openai.com/v1" */
  description: string;
}

/** The LLM ports. Call only when `llmConfigured(config)`; `prompts` come from `loadPrompts`. */
export function createLlmPorts(config: Config, prompts: LoadedPrompts): LlmPorts {
  const settings = llmSettingsFrom(config);
  const client = createLlmClient(settings);
  return { interviewer: createLlmInterviewer(client, prompts), judge: createLlmJudge(client, prompts), description: describeLlm(settings) };
}
