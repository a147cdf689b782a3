// Reads a model's JSON reply: tolerant of the wrapping small local models add (```json fences, a
// sentence before the object), strict about the content, which zod validates.
import type { z } from 'zod';

export type ParsedReply<T> = { ok: true; value: T } | { ok: false; problem: string; detail: string };

/** The outermost {...} of a reply, without code fences or surrounding prose. */
function jsonText(reply: string): string {
  const text = reply.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start >= 0 && end > start ? text.slice(start, end + 1) : text;
}

/** Parses and validates; `problem` completes "judge reply ..." ("was not valid JSON"). */
export function parseJsonReply<T>(reply: string, schema: z.ZodType<T>): ParsedReply<T> {
  let data: unknown;
  try {
    data = JSON.parse(jsonText(reply));
  } catch (error) {
    return { ok: false, problem: 'was not valid JSON', detail: `${(error as Error).message}; reply began ${JSON.stringify(reply.slice(0, 80))}` };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: 'did not have the expected fields', detail: issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'no detail' };
}
