// Turns an LLM call's failure into the short reason the transcript and report show beside the
// offline stand-in ("LLM timed out after 2 retries"), and tells invalid replies (retried once
// by us) from transport failures (already retried by the SDK).
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  NotFoundError,
  RateLimitError,
} from 'openai';
import { AppError, JudgeOutputInvalid, LlmOutputInvalid } from '../../errors.js';
import { isStall, stallOf } from './body-timeout.js';

/** A reply that arrived but cannot be used: worth one more try. */
export function isInvalidReply(error: unknown): boolean {
  // A SyntaxError comes from the SDK reading a 200 body that is not JSON. A stream "cut off" by a
  // stalled body is a stall, not a reply: retrying it would cost a second wait.
  if (isStall(error)) return false;
  return error instanceof JudgeOutputInvalid || error instanceof LlmOutputInvalid || error instanceof SyntaxError;
}

const retries = (n: number) => `after ${n} ${n === 1 ? 'retry' : 'retries'}`;

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('E')) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const firstLine = (text: string, max = 120) => {
  const line = text.split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/**
 * Failures that cost real waiting (timeouts, a deadline, no connection): these open the circuit
 * breaker. A 429 or 5xx answers at once, so the next call may as well try again.
 */
export function isSlowFailure(error: unknown): boolean {
  return error instanceof APIConnectionError || error instanceof APIUserAbortError || isStall(error);
}

/** A short human reason for the fallback record. `maxRetries` is the SDK's retry count. */
export function describeFailure(error: unknown, maxRetries: number): string {
  const stall = stallOf(error);
  if (stall) return stall.message;
  if (error instanceof APIConnectionTimeoutError) return `LLM timed out ${retries(maxRetries)}`;
  if (error instanceof APIUserAbortError) return 'LLM call was cancelled or ran past its deadline';
  if (error instanceof APIConnectionError) {
    const code = causeCode(error);
    return code === 'ECONNREFUSED' ? `LLM connection refused ${retries(maxRetries)}` : `could not reach the LLM${code ? ` (${code})` : ''} ${retries(maxRetries)}`;
  }
  if (error instanceof RateLimitError) return `LLM rate limit (429) ${retries(maxRetries)}`;
  if (error instanceof AuthenticationError) return 'LLM refused the API key (401); check OPENAI_API_KEY';
  if (error instanceof NotFoundError) return 'LLM endpoint or model not found (404); check OPENAI_BASE_URL and PROBE_MODEL';
  if (error instanceof APIError && error.status !== undefined && error.status >= 500) return `LLM server error (${error.status}) ${retries(maxRetries)}`;
  if (error instanceof APIError) return `LLM rejected the request (${error.status ?? 'no status'}): ${firstLine(error.message)}`;
  if (error instanceof SyntaxError) return 'LLM reply was not valid JSON';
  if (error instanceof AppError) return firstLine(error.message, 200);
  return `LLM call failed: ${firstLine(error instanceof Error ? error.message : String(error))}`;
}
