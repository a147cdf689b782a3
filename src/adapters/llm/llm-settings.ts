// What the LLM adapters take from the configuration, and the start-up line naming the interviewer.
// Kept free of the openai and @langchain imports so the CLI can print it without loading them.
import { llmConfigured, type Config } from '../../config.js';

/** What the LLM adapters need from the configuration. */
export interface LlmSettings {
  apiKey?: string;
  /** Unset means OpenAI's own endpoint. */
  baseUrl?: string;
  model: string;
  judgeModel: string;
  /** Per HTTP attempt, until response headers (and between streamed chunks). */
  timeoutMs: number;
  /** Retries of connection errors, timeouts, 429 and 5xx, with the SDK's exponential backoff. */
  maxRetries: number;
  /** After a call fails for good, skip the endpoint this long (0: never skip). */
  cooldownMs: number;
  /** LLM calls at once (PROBE_LLM_MAX_IN_FLIGHT); more wait in line. */
  maxInFlight?: number;
  /** Longest wait in line before the offline interviewer stands in (PROBE_LLM_MAX_QUEUE_MS). */
  maxQueueMs?: number;
  /** Event-loop lag that counts as overload (PROBE_OVERLOAD_LAG_MS; 0 = not watched). */
  maxLagMs?: number;
}

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export function llmSettingsFrom(config: Config): LlmSettings {
  return {
    ...(config.OPENAI_API_KEY ? { apiKey: config.OPENAI_API_KEY } : {}),
    ...(config.OPENAI_BASE_URL ? { baseUrl: config.OPENAI_BASE_URL } : {}),
    model: config.PROBE_MODEL,
    judgeModel: config.PROBE_JUDGE_MODEL ?? config.PROBE_MODEL,
    timeoutMs: config.PROBE_LLM_TIMEOUT_MS,
    maxRetries: config.PROBE_LLM_MAX_RETRIES,
    cooldownMs: config.PROBE_LLM_COOLDOWN_MS,
    maxInFlight: config.PROBE_LLM_MAX_IN_FLIGHT,
    maxQueueMs: config.PROBE_LLM_MAX_QUEUE_MS,
    maxLagMs: config.PROBE_OVERLOAD_LAG_MS,
  };
}

/** "gpt-4o-mini at https://api.openai.com/v1", with the judge model when it differs. */
export function describeLlm(settings: LlmSettings): string {
  const judge = settings.judgeModel !== settings.model ? ` (judge: ${settings.judgeModel})` : '';
  return `${settings.model}${judge} at ${settings.baseUrl ?? OPENAI_BASE_URL}`;
}

/** The one start-up line naming the interviewer. */
export function interviewerBanner(config: Config): string {
  return llmConfigured(config) ? `Interviewer: ${describeLlm(llmSettingsFrom(config))}` : 'Interviewer: offline (no OPENAI_API_KEY or OPENAI_BASE_URL set)';
}
