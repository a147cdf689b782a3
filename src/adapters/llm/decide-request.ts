// What the interviewer is asked when deciding: which targets it may probe (within the plan's
// limits), the reply schema constrained to them, and the values of prompts/decide.md.
import { z } from 'zod';
import type { DecideInput } from '../../engine/effects.js';
import type { Decision } from '../../engine/lines.js';
import { formatAnswers } from './data-slot.js';
import type { PromptValues } from './prompt-specs.js';

export const DEPTH = 'depth';

/**
 * Key points not yet covered (in a mock interview, each probed once at most), and "depth" once
 * per question in a mock interview. Empty when the follow-up limit is reached.
 */
export function allowedTargets(input: DecideInput): string[] {
  if (input.followUpsAsked >= input.maxFollowUps) return [];
  const status = new Map(input.evaluation.score.keyPoints.map((k) => [k.id, k.status]));
  const open = input.question.keyPoints
    .filter((k) => (status.get(k.id) ?? 'missed') !== 'covered')
    .filter((k) => input.mode === 'drill' || !input.probed.includes(k.id))
    .map((k) => k.id);
  const depth = input.mode === 'mock' && !input.probed.includes(DEPTH) ? [DEPTH] : [];
  return [...open, ...depth];
}

/** The model's reply; `toDecision` turns it into the engine's Decision. */
export interface DecisionReply {
  action: 'follow-up' | 'next';
  target: string | null;
  reason: string;
}

const schemas = new Map<string, z.ZodType<DecisionReply>>();
/** Target sets are subsets of a question's key point ids; the cache is cleared if the bank is huge. */
const MAX_SCHEMAS = 2000;

/** The reply schema; a follow-up must name one of `targets`. Built once per target set. */
export function decisionSchema(targets: string[]): z.ZodType<DecisionReply> {
  const key = targets.join('\u0000');
  let schema = schemas.get(key);
  if (!schema) {
    if (schemas.size >= MAX_SCHEMAS) schemas.clear();
    schemas.set(key, (schema = buildDecisionSchema(targets)));
  }
  return schema;
}

function buildDecisionSchema(targets: string[]): z.ZodType<DecisionReply> {
  return z
    .strictObject({
      action: z.enum(['follow-up', 'next']),
      target: z.enum(targets as [string, ...string[]]).nullable().describe('The id to probe; null when moving on.'),
      reason: z.string(),
    })
    .refine((r) => r.action === 'next' || r.target !== null, { error: 'a follow-up needs a target' });
}

export const toDecision = (r: DecisionReply): Decision =>
  r.action === 'follow-up' && r.target ? { action: 'follow-up', target: r.target, reason: r.reason } : { action: 'next', reason: r.reason };

function targetLine(input: DecideInput, id: string): string {
  if (id === DEPTH) return `- ${DEPTH}: push a solid answer further (how it works underneath, trade-offs, where it breaks, practice)`;
  const kp = input.question.keyPoints.find((k) => k.id === id);
  const status = input.evaluation.score.keyPoints.find((k) => k.id === id)?.status ?? 'missed';
  const weak = input.focus?.includes(id) ? '; a weak spot this drill is for: probe it first' : '';
  return `- ${id}: ${kp?.statement ?? id} (${status}${weak})`;
}

function coverage(input: DecideInput): string {
  const { score } = input.evaluation;
  const lines = score.keyPoints.map((k) => `- ${k.id} [${k.status}]: ${k.statement}`);
  if (score.flags.length > 0) lines.push(`Answer flags: ${score.flags.join(', ')}`);
  lines.push(`Overall: ${Math.round(score.overall)}/100`);
  return lines.join('\n');
}

export function decidePromptValues(input: DecideInput, targets: string[]): PromptValues<'decide'> {
  return {
    mode: input.mode,
    question: input.question.prompt,
    answers: formatAnswers(input.answers),
    coverage: coverage(input),
    targets: targets.map((t) => targetLine(input, t)).join('\n'),
    follow_ups_left: String(input.maxFollowUps - input.followUpsAsked),
    output_format: `{"action": "follow-up" | "next", "target": ${targets.map((t) => `"${t}"`).join(' | ')} | null, "reason": "<one sentence>"}`,
  };
}
