// One structured-output request: json_schema (strict) where the server offers it, json_object or a
// plain reply where it does not (learnt per client from its 400s), always parsed with zod.
import { BadRequestError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { TokenUsage } from '../../engine/scoring/types.js';
import type { LlmClient, ServerCompat } from './llm-client.js';
import { parseJsonReply } from './parse-json-reply.js';

export interface StructuredRequest<T> {
  model: string;
  messages: ChatCompletionMessageParam[];
  schema: z.ZodType<T>;
  /** Parses the reply instead of `schema` (which then only shapes the wire format), e.g. to accept a reply without an optional part. */
  parse?: z.ZodType<T>;
  /** Schema name sent with json_schema ("judgement", "decision"). */
  name: string;
  temperature?: number;
  /** Builds the typed error for an unusable reply; `what` reads like "judge reply was not valid JSON". */
  invalid: (message: string, cause?: unknown) => Error;
  what: string;
}

/** Backoff between the SDK's retries is at most 8 s; past this a call has hung on a stalled body. */
const MAX_BACKOFF_MS = 8_000;

/** A deadline for the whole call, retries included: the SDK's timeout stops at response headers. */
export function callDeadline(client: LlmClient, signal?: AbortSignal): AbortSignal {
  const { timeoutMs, maxRetries } = client.settings;
  const deadline = AbortSignal.timeout((timeoutMs + MAX_BACKOFF_MS) * (maxRetries + 1));
  return signal ? AbortSignal.any([signal, deadline]) : deadline;
}

type JsonSchemaFormat = ReturnType<typeof zodResponseFormat>;

/**
 * Converting a zod schema to JSON Schema took about a millisecond per call; schemas are built once
 * per question (judge) or target set (decide), so the wire format is kept with the schema object.
 */
const formats = new WeakMap<z.ZodType, Map<string, JsonSchemaFormat>>();

function jsonSchemaFormat(schema: z.ZodType, name: string): JsonSchemaFormat {
  let byName = formats.get(schema);
  if (!byName) formats.set(schema, (byName = new Map()));
  let format = byName.get(name);
  if (!format) byName.set(name, (format = zodResponseFormat(schema, name)));
  return format;
}

function params<T>(req: StructuredRequest<T>, compat: ServerCompat): ChatCompletionCreateParamsNonStreaming {
  const format = compat.jsonSchema ? jsonSchemaFormat(req.schema, req.name) : compat.jsonObject ? ({ type: 'json_object' } as const) : undefined;
  return {
    model: req.model,
    messages: req.messages,
    ...(format ? { response_format: format } : {}),
    ...(req.temperature !== undefined && compat.temperature ? { temperature: req.temperature } : {}),
  };
}

/** Turns off the option a 400 complains about; false when the 400 is about something else. */
function learnFrom(error: unknown, compat: ServerCompat): boolean {
  if (!(error instanceof BadRequestError)) return false;
  const text = `${error.message} ${JSON.stringify(error.error ?? '')}`;
  const off = (option: keyof ServerCompat) => {
    compat[option] = false;
    return true;
  };
  if (/response_format|json_schema|json_object|structured/i.test(text)) {
    if (compat.jsonSchema) return off('jsonSchema');
    if (compat.jsonObject) return off('jsonObject');
  }
  if (/temperature/i.test(text) && compat.temperature) return off('temperature');
  return false;
}

async function create<T>(client: LlmClient, req: StructuredRequest<T>, signal: AbortSignal): Promise<ChatCompletion> {
  for (;;) {
    try {
      return await client.openai.chat.completions.create(params(req, client.compat), { signal });
    } catch (error) {
      if (!learnFrom(error, client.compat)) throw error;
    }
  }
}

export const usageOf = (u: { prompt_tokens: number; completion_tokens: number } | null | undefined): TokenUsage | undefined =>
  u ? { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens } : undefined;

/** Sends the request and returns the parsed value; an unusable reply throws `req.invalid(...)`. */
export async function requestStructured<T>(client: LlmClient, req: StructuredRequest<T>, spent: (u: TokenUsage | undefined) => void, signal?: AbortSignal): Promise<T> {
  const deadline = callDeadline(client, signal);
  const release = await client.gate.acquire(deadline);
  let completion: ChatCompletion;
  try {
    completion = await create(client, req, deadline);
  } finally {
    release();
  }
  spent(usageOf(completion.usage));
  const choice = completion.choices?.[0];
  if (!choice) throw req.invalid(`${req.what} was empty`);
  if (choice.finish_reason === 'length') throw req.invalid(`${req.what} was cut off`);
  if (choice.message.refusal) throw req.invalid(`${req.what} was a refusal`, choice.message.refusal);
  const parsed = parseJsonReply(choice.message.content ?? '', req.parse ?? req.schema);
  if (!parsed.ok) throw req.invalid(`${req.what} ${parsed.problem}`, parsed.detail);
  return parsed.value;
}
