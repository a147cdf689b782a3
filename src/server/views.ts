// What the HTTP API shows of sessions and the bank. Views pick fields one by one, so a reference
// answer or a key point can never leak into a response by accident.
import type { Bank, Question } from '../engine/bank/schema.js';
import type { SessionState } from '../engine/state.js';
import type { QuestionView, SessionView, TopicView } from '../protocol/http.js';
import { overallScore, progressOf } from './progress.js';
import type { SessionMeta } from './session-store.js';

const iso = (ms: number): string => new Date(ms).toISOString();

export function sessionView(meta: SessionMeta, state: SessionState, interviewer: string): SessionView {
  const ended = state.phase === 'ended';
  return {
    id: meta.id,
    mode: meta.mode,
    status: ended ? 'ended' : 'active',
    phase: state.phase,
    createdAt: iso(meta.createdAt),
    endedAt: state.endedAt !== undefined ? iso(state.endedAt) : null,
    topics: [...new Set(state.plan.questions.map((q) => q.topic))],
    progress: progressOf(state),
    interviewer: state.interviewers.length > 0 ? state.interviewers.join(', ') : interviewer,
    transcript: state.transcript.map((e) => ({ seq: e.seq, at: iso(e.at), role: e.role, kind: e.kind, text: e.text, questionIndex: e.questionIndex ?? null })),
    // A mock interview shows no scores until it is over.
    overall: ended ? overallScore(state) : null,
  };
}

export function topicViews(bank: Bank): TopicView[] {
  return bank.topics.map((t) => {
    const questions = bank.questions.filter((q) => q.topic === t.id);
    const count = (d: number) => questions.filter((q) => q.difficulty === d).length;
    return { id: t.id, title: t.title, description: t.description, questionCount: questions.length, byDifficulty: { 1: count(1), 2: count(2), 3: count(3) } };
  });
}

export const questionView = (q: Question): QuestionView => ({
  id: q.id,
  topic: q.topic,
  difficulty: q.difficulty,
  kind: q.kind,
  source: q.source,
  tags: [...q.tags],
  prompt: q.prompt,
});
