// Judges an answer and decides the next move in one call: the judge's prompt, then the decision
// asked for in the same reply, and (when the interviewer speaks with the judge's model) the line
// that follows, streamed after them (turn-call.ts). The judgement goes through the judge's checks
// unchanged (checkedEvaluation); the decision counts only if it still fits the checked evaluation,
// otherwise the interviewer is asked on its own and the line is dropped. A turn call whose reply
// has no usable judgement falls back to the structured call without the line.
import { z } from 'zod';
import type { DecideInput, JudgeInput } from '../../engine/effects.js';
import type { Question } from '../../engine/bank/schema.js';
import { offlineDecide } from '../../engine/interviewer/offline-decide.js';
import { OFFLINE_ID, offlineEvaluation } from '../../engine/interviewer/offline-interviewer.js';
import type { AssessContext, Assessment, Assessor, DecideContext, Judge, PreparedLine } from '../../engine/ports.js';
import { separateGraderAddress, type SeparatedAnswer } from '../../engine/scoring/grader-address.js';
import type { Evaluation } from '../../engine/scoring/types.js';
import { JudgeOutputInvalid } from '../../errors.js';
import { withOneRetry, type CallOutcome } from './call-outcome.js';
import { describeFailure, isInvalidReply, isSlowFailure } from './failure-reason.js';
import { allowedTargets, DEPTH, toDecision, type DecisionReply } from './decide-request.js';
import { judgeMessage, judgementSchema, type Judgement } from './judge-request.js';
import type { LlmClient } from './llm-client.js';
import { checkedEvaluation } from './llm-judge.js';
import { keptRenders } from './kept-renders.js';
import type { LoadedPrompts } from './load-prompts.js';
import { parseJsonReply } from './parse-json-reply.js';
import { preparedLine } from './prepared-line.js';
import { requestStructured } from './structured-call.js';
import { startTurnCall, turnLineMessage, turnMessages, type TurnCall } from './turn-call.js';

type Assessed = Judgement & { decision?: DecisionReply | undefined };

/** Targets the plan could allow, before the evaluation is known (allowedTargets narrows them after). */
export function possibleTargets(next: DecideContext): string[] {
  if (next.followUpsAsked >= next.maxFollowUps) return [];
  const open = next.question.keyPoints.map((k) => k.id).filter((id) => next.mode === 'drill' || !next.probed.includes(id));
  return next.mode === 'mock' && !next.probed.includes(DEPTH) ? [...open, DEPTH] : open;
}

const schemas = new WeakMap<Question, Map<string, { wire: z.ZodType<Assessed>; parse: z.ZodType<Assessed> }>>();

/** The judgement schema with a decision field; the parse schema lets a reply without a usable decision through. */
export function assessmentSchemas(question: Question, targets: string[]) {
  let byTargets = schemas.get(question);
  if (!byTargets) schemas.set(question, (byTargets = new Map()));
  const key = targets.join('\u0000');
  let found = byTargets.get(key);
  if (!found) {
    const judgement = judgementSchema(question) as unknown as z.ZodObject;
    const decision = z.strictObject({
      action: z.enum(['follow-up', 'next']),
      target: z.enum(targets as [string, ...string[]]).nullable().describe('The id to probe; null when moving on.'),
      reason: z.string(),
    });
    found = {
      wire: judgement.extend({ decision }) as unknown as z.ZodType<Assessed>,
      parse: judgement.extend({ decision: decision.optional().catch(undefined) }) as unknown as z.ZodType<Assessed>,
    };
    byTargets.set(key, found);
  }
  return found;
}

function decisionFormat(targets: string[]): string {
  return `"decision": {"action": "follow-up" | "next", "target": ${targets.map((t) => `"${t}"`).join(' | ')} | null, "reason": "<one sentence>"}`;
}

function targetLines(next: DecideContext, targets: string[]): string {
  return targets
    .map((id) => (id === DEPTH ? `- ${DEPTH}: push a solid answer further (how it works underneath, trade-offs, where it breaks, practice)` : `- ${id}: ${next.question.keyPoints.find((k) => k.id === id)?.statement ?? id}`))
    .join('\n');
}

/** Decision messages by question, mode, follow-ups left and targets (kept-renders.ts). */
const keptDecisions = keptRenders();

export function decisionMessage(prompts: LoadedPrompts, next: DecideContext, targets: string[]): Promise<string> {
  const left = String(next.maxFollowUps - next.followUpsAsked);
  return keptDecisions(prompts, next.question, `${next.mode}\u0000${left}\u0000${targets.join('\u0000')}`, () =>
    prompts.render('assessDecision', { mode: next.mode, targets: targetLines(next, targets), follow_ups_left: left, output_format: decisionFormat(targets) }),
  );
}

async function ask(client: LlmClient, prompts: LoadedPrompts, input: JudgeInput, next: DecideContext, targets: string[], signal?: AbortSignal): Promise<CallOutcome<Assessed>> {
  const messages = [
    { role: 'system' as const, content: await prompts.render('judgeSystem', {}) },
    { role: 'user' as const, content: await judgeMessage(prompts, input.question, input.answer) },
    { role: 'user' as const, content: await decisionMessage(prompts, next, targets) },
  ];
  const { wire, parse } = assessmentSchemas(input.question, targets);
  return withOneRetry(
    (_attempt, spent) =>
      requestStructured(
        client,
        { model: client.settings.judgeModel, messages, schema: wire, parse, name: 'assessment', temperature: 0, what: 'judge reply', invalid: (m, cause) => new JudgeOutputInvalid(m, { cause }) },
        spent,
        signal,
      ),
    client,
  );
}

/** The proposed decision, if it still fits the checked evaluation. */
function proposal(reply: DecisionReply | undefined, input: DecideInput, by: string): Assessment['decision'] {
  if (!reply) return undefined;
  if (reply.action === 'next') return { decision: toDecision(reply), by };
  return reply.target && allowedTargets(input).includes(reply.target) ? { decision: toDecision(reply), by } : undefined;
}

interface TurnScope {
  client: LlmClient;
  prompts: LoadedPrompts;
  input: JudgeInput;
  next: AssessContext;
  targets: string[];
  screened: SeparatedAnswer;
  /** Already computed (a short answer is scored first); otherwise scored while the call is in flight. */
  offline?: Evaluation;
}

/** Runs `work` once the event loop has sent what is queued (the request), so it overlaps the wait for the model. */
const whileWaiting = <T>(work: () => T): Promise<T> => new Promise((resolve) => setImmediate(() => resolve(work())));

/** The line `call` goes on to write for `decision`: a follow-up, the bridge to the next question, or the closing. */
function lineFor(call: TurnCall, decision: Assessment['decision'], next: AssessContext, evaluation: Evaluation, claimed: Judgement, by: string): PreparedLine | undefined {
  const d = decision?.decision;
  if (d?.action === 'follow-up') return preparedLine(call, { kind: 'follow-up', target: d.target }, by);
  if (d?.action !== 'next') return undefined;
  if (next.upcoming) return preparedLine(call, { kind: 'question', questionIndex: next.upcoming.questionIndex }, by);
  return stoodAsClaimed(evaluation, claimed) ? preparedLine(call, { kind: 'closing' }, by) : undefined;
}

/**
 * The closing line names what went well, so the model may write it only when its judgement of the
 * last answer stood every check as it was claimed: no quote dropped, no criterion level lowered (but
 * completeness, which Probe computes from the verified key points, whatever the model said), the
 * overall not capped, no disagreement with the offline score. Otherwise the interviewer closes from
 * the checked scores.
 */
function stoodAsClaimed(evaluation: Evaluation, claimed: Judgement): boolean {
  if (evaluation.droppedClaims.length > 0 || evaluation.capped !== undefined || evaluation.disagreement) return false;
  return claimed.criteria.every((c) => c.id === 'completeness' || (evaluation.score.criteria.find((s) => s.id === c.id)?.level ?? 0) >= c.level);
}

/**
 * The whole turn in one streamed call. Undefined when its reply held no usable judgement (cut, not
 * JSON, wrong fields): the caller then asks again without the line. A transport failure is final.
 */
async function assessInTurn(scope: TurnScope, signal?: AbortSignal): Promise<Assessment | undefined> {
  const { client, prompts, input, next, targets, screened } = scope;
  const model = client.settings.judgeModel;
  if (client.breaker.skipReason()) return undefined;
  const decision = targets.length > 0 ? await decisionMessage(prompts, next, targets) : undefined;
  const messages = await turnMessages(prompts, { ...input, answer: screened.kept }, decision, await turnLineMessage(prompts, next, targets));
  const call = startTurnCall(client, messages, signal);
  const offline = scope.offline ?? (await whileWaiting(() => offlineEvaluation(input, screened)));
  const header = await call.header;
  if (!header.ok) {
    if (isInvalidReply(header.error)) return undefined;
    const reason = describeFailure(header.error, client.settings.maxRetries);
    if (isSlowFailure(header.error)) client.breaker.trip(reason);
    const evaluation = checkedEvaluation(input.question, screened, offline, model, { ok: false, reason, error: header.error });
    return { evaluation, decision: { decision: offlineDecide({ ...next, evaluation }), by: OFFLINE_ID, ...(targets.length > 0 ? { fallback: reason } : {}) } };
  }
  const parsed = parseJsonReply(header.text, targets.length > 0 ? assessmentSchemas(input.question, targets).parse : (judgementSchema(input.question) as z.ZodType<Assessed>));
  if (!parsed.ok) {
    call.cancel();
    return undefined;
  }
  client.breaker.reset();
  const evaluation = checkedEvaluation(input.question, screened, offline, model, { ok: true, value: { keyPoints: parsed.value.keyPoints, criteria: parsed.value.criteria } });
  const by = `llm:${model}`;
  // No follow-up left: moving on is the only move, as the interviewer would decide without a call.
  const proposed = targets.length > 0 ? proposal(parsed.value.decision, { ...next, evaluation }, by) : { decision: offlineDecide({ ...next, evaluation }), by: OFFLINE_ID };
  const line = lineFor(call, proposed, next, evaluation, parsed.value, by);
  if (!line) call.cancel();
  return { evaluation, ...(proposed ? { decision: proposed } : {}), ...(line ? { line } : {}) };
}

/**
 * Flags the offline analysis is sure of: nothing in the answer for a model to credit, so the score is
 * 0 whoever grades it. Off-topic is not among them: it is judged from vocabulary, and a right answer
 * in unusual words can trip it; the model is what catches that.
 */
const SURE_NON_ANSWER: ReadonlySet<string> = new Set(['empty', 'dont-know', 'gibberish']);
/** Non-answers are short; a longer answer is sent to the model first and scored offline while it waits. */
const SHORT_ANSWER_CHARS = 240;

/** The offline evaluation of a sure non-answer, marked as such, and the offline interviewer's next move; else undefined. */
function sureNonAnswer(evaluation: Evaluation, next: AssessContext): Assessment | undefined {
  const flags = evaluation.score.flags.filter((f) => SURE_NON_ANSWER.has(f));
  if (flags.length === 0 || evaluation.score.overall > 0) return undefined;
  const marked = { ...evaluation, notAsked: `a non-answer (${flags.join(', ')}): scored 0 offline, the LLM judge was not asked` };
  return { evaluation: marked, decision: { decision: offlineDecide({ ...next, evaluation: marked }), by: OFFLINE_ID } };
}

/** The assessor on `client`; `judge` is the same client's judge, for answers with no decision to make. */
export function createLlmAssessor(client: LlmClient, prompts: LoadedPrompts, judge: Judge): Assessor {
  const model = client.settings.judgeModel;
  const by = `llm:${model}`;
  // The line is the interviewer's: it can come from the judge's call only when they are one model.
  const oneModel = client.settings.model === model;
  return {
    async assess(input, next, signal): Promise<Assessment> {
      const targets = possibleTargets(next);
      // As in the judge: sentences addressed to the grader never reach the model. One screen serves the offline score too.
      const screened = separateGraderAddress(input.answer);
      const early = input.answer.length <= SHORT_ANSWER_CHARS ? offlineEvaluation(input, screened) : undefined;
      const skipped = early && sureNonAnswer(early, next);
      if (skipped) return skipped;
      if (oneModel) {
        const turn = await assessInTurn({ client, prompts, input, next, targets, screened, ...(early ? { offline: early } : {}) }, signal);
        if (turn) return turn;
      }
      if (targets.length === 0) return { evaluation: await judge.judge(input, signal) };
      const offline = early ?? offlineEvaluation(input, screened);
      const outcome = await ask(client, prompts, { ...input, answer: screened.kept }, next, targets, signal);
      const judged: CallOutcome<Judgement> = outcome.ok ? { ...outcome, value: { keyPoints: outcome.value.keyPoints, criteria: outcome.value.criteria } } : outcome;
      const evaluation: Evaluation = checkedEvaluation(input.question, screened, offline, model, judged);
      if (!outcome.ok) return { evaluation, decision: { decision: offlineDecide({ ...next, evaluation }), by: OFFLINE_ID, fallback: outcome.reason } };
      return { evaluation, decision: proposal(outcome.value.decision, { ...next, evaluation }, by) };
    },
  };
}
