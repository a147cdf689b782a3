// Labels the views show: progress, clocks, dates, scores. Pure, so they are unit-tested.
import type { Progress } from '../src/protocol/ws-frames.js';

/** "1 question", "3 questions": a count with its noun, singular for one. */
export const plural = (n: number, noun: string, nouns = `${noun}s`): string => `${n} ${n === 1 ? noun : nouns}`;

/** "Question 3 of 8 · follow-up 1 of 2" (the follow-up part only once one was asked). */
export function progressLabel(p: Progress): string {
  if (p.questionNumber === 0) return p.questionTotal > 0 ? plural(p.questionTotal, 'question') : 'Starting…';
  const base = `Question ${p.questionNumber} of ${p.questionTotal}`;
  return p.followUp > 0 ? `${base} · follow-up ${p.followUp} of ${p.maxFollowUps}` : base;
}

/** Milliseconds as m:ss (or h:mm:ss past an hour); negative values count as zero. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  const ss = String(s).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export interface TimerView {
  text: string;
  /** True once less than a fifth of the limit is left. */
  low: boolean;
}

/** The question timer: time spent, or time left when the plan has a per-question limit. */
export function timerView(startedAt: number, now: number, limitSeconds: number | null): TimerView {
  const spent = now - startedAt;
  if (limitSeconds === null) return { text: `Time on this question ${formatClock(spent)}`, low: false };
  const left = limitSeconds * 1000 - spent;
  return { text: `Time left ${formatClock(left)}`, low: left < limitSeconds * 200 };
}

/** A score out of 100 as shown, or a dash when there is none. */
export const formatScore = (score: number | null | undefined): string => (score === null || score === undefined ? '–' : String(Math.round(score)));

/** A date as the browser's locale shows it, short. */
export function formatDate(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Who runs the interview, in words. */
export function interviewerLabel(id: string): string {
  if (id === 'offline') return 'the offline interviewer (no model needed)';
  return id.startsWith('llm:') ? `the model ${id.slice(4)}` : id;
}
