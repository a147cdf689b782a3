// How report values read in words, shared by the Markdown, HTML and PDF renderers so the three
// say the same thing: dates, statuses, scorer provenance, probe counts, token usage, chart data.
import type { DrillProbe, Provenance, QuestionScoring, QuestionStatus, Report, ReportQuestion } from '../../engine/report/report-schema.js';
import type { BarChartGroup } from './svg-bar-chart.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2025-03-14" in UTC. */
export function formatDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "2025-03-14 09:30 UTC". */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${formatDay(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 1 ? 'under a minute' : `${minutes} min`;
}

export const scoreText = (score: number | null): string => (score === null ? '—' : `${Math.round(score)}/100`);

const DIFFICULTY: Record<number, string> = { 1: 'entry', 2: 'mid', 3: 'senior' };
export const difficultyLabel = (d: number): string => DIFFICULTY[d] ?? String(d);

const STATUS: Record<QuestionStatus, string> = {
  answered: 'answered',
  skipped: 'skipped (counts as 0)',
  'timed-out': 'timed out (counts as 0)',
  unscored: 'answered, not scored (the interview ended first)',
  unanswered: 'not answered (the interview ended)',
  'not-reached': 'not reached',
};
export const statusLabel = (s: QuestionStatus): string => STATUS[s];

const SESSION_STATUS: Record<Report['status'], string> = {
  completed: 'completed',
  'ended-early': 'ended early',
  'time-up': 'stopped when time ran out',
  'in-progress': 'still in progress',
};
export const sessionStatusLabel = (s: Report['status']): string => SESSION_STATUS[s];

export const modeLabel = (m: Report['mode']): string => (m === 'drill' ? 'drill' : 'mock interview');

export function coverageLabel(status: ReportQuestion['keyPoints'][number]['status']): string {
  return status === null ? 'not assessed' : status === 'partly' ? 'partly covered' : status;
}

/**
 * A criterion's reason with the rubric's descriptor of the level, the descriptor left out when the
 * reason already says it (the offline scorer often uses the descriptor as its reason).
 */
export function criterionWhy(c: ReportQuestion['criteria'][number]): string {
  const reason = c.reason.trim();
  const descriptor = c.descriptor?.trim() ?? '';
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  if (descriptor === '' || norm(reason).includes(norm(descriptor))) return reason;
  if (reason === '') return descriptor;
  return `${reason} (${descriptor})`;
}

/** Which scorer produced a question's score, in a line. */
export function scorerLabel(s: QuestionScoring): string {
  const model = s.model ?? 'LLM';
  switch (s.scorer) {
    case 'none':
      return 'not scored';
    case 'offline':
      return 'offline scorer';
    case 'llm':
      return `LLM judge (${model})`;
    case 'offline-fallback':
      return `offline scorer, standing in for the LLM judge (${model}): ${s.fallback ?? 'unknown reason'}`;
  }
}

export function probeLabel(p: DrillProbe): string {
  const times = (n: number) => `${n} probe${n === 1 ? '' : 's'}`;
  const hint = p.hinted ? ', with a hint' : '';
  if (p.status === 'covered') return p.probes === 0 ? `covered without a probe${hint}` : `covered after ${times(p.probes)}${hint}`;
  const where = p.status === 'partly' ? 'partly covered' : 'still missed';
  return p.probes === 0 ? `${where}, not probed${hint}` : `${where} after ${times(p.probes)}${hint}`;
}

const WHERE: Record<Provenance['fallbacks'][number]['where'], string> = { line: 'interviewer line', decision: 'follow-up decision', judge: 'scoring' };

export function fallbackLabel(f: Provenance['fallbacks'][number]): string {
  return `${f.questionNumber === null ? 'Session' : `Question ${f.questionNumber}`}, ${WHERE[f.where]}: ${f.reason}`;
}

export function usageLabel(u: NonNullable<Provenance['usage']>): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `${n(u.promptTokens)} prompt + ${n(u.completionTokens)} completion = ${n(u.totalTokens)} tokens in ${n(u.calls)} LLM call${u.calls === 1 ? '' : 's'}`;
}

/** "3 questions: 2 answered, 1 skipped (counts as 0)". */
export function countsLabel(report: Report): string {
  const o = report.overall;
  const parts = [`${o.answered} answered`];
  if (o.skipped) parts.push(`${o.skipped} skipped (counts as 0)`);
  if (o.timedOut) parts.push(`${o.timedOut} timed out (counts as 0)`);
  if (o.notCounted) parts.push(`${o.notCounted} not reached or not answered (left out)`);
  return `${o.total} question${o.total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** What to say when there are no strengths to list. */
export const noStrengthsLabel = (report: Report): string =>
  report.overall.counted === 0 ? 'Nothing was scored yet.' : 'None stood out yet; the gaps below are the place to start.';

/** What to say when there are no gaps to list. */
export const noGapsLabel = (report: Report): string =>
  report.overall.counted === 0 ? 'Nothing was scored, so there are no gaps to show yet.' : 'No key point was missed in the questions answered.';

/** The chart's data: per-topic scores (0-100) and per-criterion mean levels (0-4). */
export function chartGroups(report: Report): BarChartGroup[] {
  return [
    { title: 'Score by topic (0-100)', items: report.topics.map((t) => ({ label: t.title, value: t.score, max: 100 })) },
    {
      title: 'Rubric criteria (mean level, 0-4)',
      items: report.criteria.map((c) => ({ label: c.name, value: c.average, max: 4, display: `${c.average.toFixed(1)} / 4` })),
    },
  ];
}
