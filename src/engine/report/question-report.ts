// One question's section of the report: what became of it, the candidate's answers (with the
// follow-ups they answered), the key points with evidence, the criteria, and which scorer scored it.
import type { Question } from '../bank/schema.js';
import type { Evaluation } from '../scoring/types.js';
import type { EvaluationRecord, QuestionProgress, SessionState, TranscriptEntry } from '../state.js';
import { disagreementLine, flagLines } from './answer-labels.js';
import type { EarlierAttempt, QuestionScoring, QuestionStatus, ReportQuestion } from './report-schema.js';

/** Weight of a question in the overall by difficulty: harder questions carry more signal, but one senior question should not swamp the rest. */
export const DIFFICULTY_WEIGHT: Record<number, number> = { 1: 1, 2: 1.5, 3: 2 };

export const BEYOND_GUIDE = 'beyond-guide';

/**
 * The evaluation that counts for a question: the latest of its current attempt, or, when a drill
 * retry was started and not answered, the latest of an earlier attempt.
 */
export function countedEvaluation(p: QuestionProgress): EvaluationRecord | undefined {
  const current = p.evaluations.filter((e) => e.attempt === p.attempt);
  return current[current.length - 1] ?? p.evaluations[p.evaluations.length - 1];
}

function statusOf(p: QuestionProgress, record: EvaluationRecord | undefined): QuestionStatus {
  if (p.status === 'skipped' || p.status === 'timed-out') return p.status;
  if (record) return 'answered';
  if (p.answers.length > 0) return 'unscored';
  return p.status === 'pending' ? 'not-reached' : 'unanswered';
}

/** The transcript entries of one question's attempt: attempts are separated by `retry` entries. */
export function attemptEntries(transcript: TranscriptEntry[], index: number, attempt: number): TranscriptEntry[] {
  let n = 1;
  const out: TranscriptEntry[] = [];
  for (const entry of transcript) {
    if (entry.questionIndex !== index) continue;
    if (entry.kind === 'retry') n += 1;
    else if (n === attempt) out.push(entry);
  }
  return out;
}

function exchangesOf(entries: TranscriptEntry[]): ReportQuestion['exchanges'] {
  let asked: TranscriptEntry | undefined;
  const out: ReportQuestion['exchanges'] = [];
  for (const entry of entries) {
    if (entry.role === 'interviewer' && (entry.kind === 'question' || entry.kind === 'follow-up' || entry.kind === 'hint')) asked = entry;
    if (entry.role === 'candidate' && entry.kind === 'answer') {
      out.push({
        seq: entry.seq,
        askedKind: asked ? (asked.kind as 'question' | 'follow-up' | 'hint') : null,
        asked: asked?.text ?? null,
        target: asked?.target ?? null,
        answer: entry.text,
      });
    }
  }
  return out;
}

function keyPointsOf(q: Question, evaluation: Evaluation | undefined, assessed: boolean): ReportQuestion['keyPoints'] {
  const results = new Map(evaluation?.score.keyPoints.map((k) => [k.id, k]) ?? []);
  return q.keyPoints.map((kp) => {
    const r = results.get(kp.id);
    const status = !assessed ? null : (r?.status ?? 'missed');
    // A contradicted point is 'missed' but keeps the words that contradicted it, to quote back.
    const evidence = !r || (status === 'missed' && !r.negated) ? [] : [...new Set(r.evidence.map((e) => e.text.trim()).filter(Boolean))];
    return { id: kp.id, statement: kp.statement, weight: kp.weight, status, evidence, matched: r?.matched ?? [], negated: r?.negated ?? false };
  });
}

function criteriaOf(q: Question, evaluation: Evaluation | undefined): ReportQuestion['criteria'] {
  const rubric = new Map(q.rubric.criteria.map((c) => [c.id, c]));
  return (evaluation?.score.criteria ?? []).map((c) => {
    const known = rubric.get(c.id);
    return { id: c.id, name: c.name, weight: known?.weight ?? null, level: c.level, reason: c.reason, descriptor: known?.levels[c.level] ?? null };
  });
}

/** Which scorer produced a question's score, and what went wrong on the way. */
export function scoringOf(evaluation: Evaluation | undefined): QuestionScoring {
  if (!evaluation) return { scorer: 'none', model: null, fallback: null, droppedClaims: [], disagreement: false, offlineScore: null, usage: null };
  const scorer = evaluation.fallback ? 'offline-fallback' : evaluation.score.scorer === 'llm' ? 'llm' : 'offline';
  return {
    scorer,
    model: evaluation.model ?? null,
    fallback: evaluation.fallback ?? null,
    droppedClaims: evaluation.droppedClaims,
    disagreement: evaluation.disagreement,
    offlineScore: scorer === 'llm' || evaluation.capped ? evaluation.offline.overall : null,
    usage: evaluation.usage ?? null,
    // Only when a check fired, so reports without one keep their shape.
    ...(evaluation.capped ? { llmScore: evaluation.llmScore ?? null, capped: evaluation.capped } : {}),
    ...(evaluation.graderText ? { graderText: evaluation.graderText } : {}),
  };
}

/** Hint targets and follow-up count of one attempt, read from its transcript entries. */
export function attemptAids(entries: TranscriptEntry[]): { hints: string[]; followUps: number } {
  return {
    hints: entries.filter((e) => e.kind === 'hint' && e.target).map((e) => e.target as string),
    followUps: entries.filter((e) => e.kind === 'follow-up').length,
  };
}

/** Drill: the attempts before the one that counts, so a retry never hides what came first. */
function earlierAttemptsOf(state: SessionState, index: number, p: QuestionProgress, counted: number): EarlierAttempt[] {
  const out: EarlierAttempt[] = [];
  for (let attempt = 1; attempt <= p.attempt; attempt += 1) {
    if (attempt === counted) continue;
    const entries = attemptEntries(state.transcript, index, attempt);
    const exchanges = exchangesOf(entries);
    if (exchanges.length === 0) continue;
    const evaluations = p.evaluations.filter((e) => e.attempt === attempt);
    const last = evaluations[evaluations.length - 1];
    out.push({ attempt, score: last?.evaluation.score.overall ?? null, exchanges, ...attemptAids(entries) });
  }
  return out;
}

/** Builds the report section of question `index` of the session. */
export function questionReport(state: SessionState, index: number): ReportQuestion {
  const q = state.plan.questions[index] as Question;
  const p = state.questions[index] as QuestionProgress;
  const record = countedEvaluation(p);
  const status = statusOf(p, record);
  const evaluation = status === 'answered' ? record?.evaluation : undefined;
  const attempt = record && status === 'answered' ? record.attempt : p.attempt;
  const entries = attemptEntries(state.transcript, index, attempt);
  const counted = status === 'answered' || status === 'skipped' || status === 'timed-out';
  const current = attempt === p.attempt;
  const flags = evaluation?.score.flags ?? [];
  const scoring = scoringOf(evaluation);
  const score = !counted ? null : (evaluation?.score.overall ?? 0);
  return {
    number: index + 1,
    id: q.id,
    topic: q.topic,
    topicTitle: q.topicTitle ?? q.topic,
    difficulty: q.difficulty,
    kind: q.kind,
    source: q.source,
    beyondGuide: q.source === BEYOND_GUIDE,
    prompt: q.prompt,
    referenceAnswer: q.referenceAnswer,
    status,
    score,
    weight: DIFFICULTY_WEIGHT[q.difficulty] ?? 1,
    attempts: p.attempt,
    exchanges: exchangesOf(entries),
    keyPoints: keyPointsOf(q, evaluation, counted),
    criteria: criteriaOf(q, evaluation),
    flags,
    hints: current ? p.hints : attemptAids(entries).hints,
    followUps: current ? p.followUps.length : attemptAids(entries).followUps,
    scoring,
    notes: [...flagLines(flags), disagreementLine(scoring, score)].filter((l): l is string => l !== null),
    earlierAttempts: earlierAttemptsOf(state, index, p, attempt),
  };
}
