// How progress values read in words, shared by the progress report's formats and `probe progress`
// so they all say the same thing.
import type { KeyPointMastery, MasteryStatus, ProgressData, TopicMastery } from '../../engine/progress/progress-schema.js';
import { formatDay } from './report-labels.js';

const STATUS: Record<MasteryStatus, string> = { covered: 'covered', partly: 'partly covered', missed: 'missed', contradicted: 'contradicted' };
export const masteryLabel = (s: MasteryStatus): string => STATUS[s];

/** "3 h 20 min", "45 min", "under a minute". */
export function practisedLabel(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h} h ${minutes % 60} min` : `${minutes} min`;
}

export function timeSummary(p: ProgressData): string {
  const t = p.time;
  if (t.sessions === 0) return 'No sessions yet.';
  return `${t.sessions} session${t.sessions === 1 ? '' : 's'} on ${t.days} day${t.days === 1 ? '' : 's'}, ${t.answers} answer${t.answers === 1 ? '' : 's'} judged, ${practisedLabel(t.totalMs)} practised.`;
}

/** "40 → 55 → 70" */
export const trendLabel = (t: TopicMastery): string => (t.trend.length === 0 ? '—' : t.trend.map((p) => Math.round(p.score)).join(' → '));

export const countsText = (t: TopicMastery): string => `${t.counts.covered} covered, ${t.counts.partly} partly, ${t.counts.missed} missed, ${t.counts.contradicted} contradicted`;

/** When a point is due, relative to `now`: "due now (since 2026-11-03)" or "due 2026-11-07". */
export function dueLabel(due: number, now: number): string {
  return due <= now ? `due now (since ${formatDay(due)})` : `due ${formatDay(due)}`;
}

/** The latest outcome in words; a contradiction quotes what was said, as every report does. */
export function latestLabel(k: KeyPointMastery): string {
  const latest = k.history[k.history.length - 1];
  if (k.status === 'contradicted' && latest && latest.evidence.length > 0) return `Contradicted: you said "${latest.evidence.join(' … ')}"; the point is: ${k.statement}`;
  return `${masteryLabel(k.status)} on ${formatDay(k.lastSeen)}`;
}

export const historyLabel = (k: KeyPointMastery): string => k.history.map((h) => `${formatDay(h.at)} ${masteryLabel(h.status)}`).join(', ');

export const recallLabel = (k: KeyPointMastery): string => `${Math.round(k.recall * 100)}%`;

/** The key point a due entry refers to. */
export function dueEntries(p: ProgressData): { entry: ProgressData['due'][number]; point: KeyPointMastery }[] {
  return p.due.flatMap((entry) => {
    const point = p.keyPoints.find((k) => k.questionId === entry.questionId && k.keyPointId === entry.keyPointId);
    return point ? [{ entry, point }] : [];
  });
}
