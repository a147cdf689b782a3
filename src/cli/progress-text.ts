// `probe progress` in the terminal: the same numbers as the web page and the progress report, as
// plain text (no colour needed): time, topics with mastery and trend, the key point map, what is due.
import { countsText, dueEntries, dueLabel, latestLabel, recallLabel, timeSummary, trendLabel } from '../adapters/report/progress-labels.js';
import type { MasteryStatus, ProgressData } from '../engine/progress/progress-schema.js';

const MARK: Record<MasteryStatus, string> = { covered: '●', partly: '◐', missed: '○', contradicted: '✗' };
const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of scores 0-100. */
export const sparkline = (scores: number[]): string => scores.map((s) => BARS[Math.min(7, Math.max(0, Math.floor((s / 100) * 8)))] ?? '▁').join('');

export function progressText(p: ProgressData, subject: string): string {
  const out: string[] = [`Progress of ${subject}`, '', timeSummary(p), ''];
  if (p.topics.length === 0) return [...out, 'Nothing practised yet: run `probe interview` or open the web app.', ''].join('\n');
  const width = Math.max(...p.topics.map((t) => t.title.length));
  out.push('Topics (mastery, score per session):');
  for (const t of p.topics) out.push(`  ${t.title.padEnd(width)}  ${String(Math.round(t.mastery)).padStart(3)}/100  ${sparkline(t.trend.map((x) => x.score))}  ${trendLabel(t)}`);
  out.push('', `Key points (${MARK.covered} covered, ${MARK.partly} partly, ${MARK.missed} missed, ${MARK.contradicted} contradicted):`);
  for (const t of p.topics) {
    const points = p.keyPoints.filter((k) => k.topic === t.topic);
    out.push(`  ${t.title.padEnd(width)}  ${points.map((k) => MARK[k.status]).join('')}  (${countsText(t)})`);
  }
  const due = dueEntries(p);
  out.push('', 'Due to practise:');
  if (due.length === 0) out.push('  nothing scheduled');
  const SHOWN = 10;
  for (const { entry, point } of due.slice(0, SHOWN)) out.push(`  ${dueLabel(entry.due, p.generatedAt)}: ${point.statement}`, `      ${point.questionPrompt} · last ${latestLabel(point)} · recall ${recallLabel(point)}`);
  if (due.length > SHOWN) out.push(`  … and ${due.length - SHOWN} more (the full list: probe progress --format md)`);
  if (due.some((d) => d.entry.dueNow)) out.push('', 'Practise them with `probe interview --due` or "Practise my weak spots" in the web app.');
  out.push('');
  return out.join('\n');
}
