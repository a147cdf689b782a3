// The progress report as Markdown: time practised, topics with their trend, what is due, and every
// key point with its history.
import type { ProgressData } from '../../engine/progress/progress-schema.js';
import { escapeMarkdown } from './escape-markdown.js';
import { countsText, dueEntries, dueLabel, historyLabel, latestLabel, recallLabel, timeSummary, trendLabel } from './progress-labels.js';
import { formatDay, formatTime } from './report-labels.js';

const cell = (text: string) => escapeMarkdown(text);

export function renderProgressMarkdown(p: ProgressData, subject: string): string {
  const out: string[] = ['# Probe progress report', '', `Profile: ${cell(subject)} · generated ${formatTime(p.generatedAt)}`, '', '## Time practised', '', timeSummary(p), ''];
  out.push('## Topics', '');
  if (p.topics.length === 0) out.push('Nothing practised yet.', '');
  else {
    out.push('| Topic | Mastery | Key points | Last practised | Score per session |', '| --- | --- | --- | --- | --- |');
    for (const t of p.topics) out.push(`| ${cell(t.title)} | ${Math.round(t.mastery)}/100 | ${countsText(t)} | ${formatDay(t.lastPractised)} | ${trendLabel(t)} |`);
    out.push('');
  }
  out.push('## Due to practise', '');
  const due = dueEntries(p);
  if (due.length === 0) out.push('Nothing is scheduled yet.', '');
  for (const { entry, point } of due) out.push(`- **${dueLabel(entry.due, p.generatedAt)}**: ${cell(point.statement)} (${cell(point.questionPrompt)}; last ${cell(latestLabel(point))})`);
  if (due.length > 0) out.push('');
  out.push('## Key points', '');
  for (const t of p.topics) {
    out.push(`### ${cell(t.title)}`, '', '| Key point | Latest | Recall now | Next due | History |', '| --- | --- | --- | --- | --- |');
    for (const k of p.keyPoints.filter((x) => x.topic === t.topic)) {
      out.push(`| ${cell(k.statement)} | ${cell(latestLabel(k))} | ${recallLabel(k)} | ${dueLabel(k.due, p.generatedAt)} | ${cell(historyLabel(k))} |`);
    }
    out.push('');
  }
  out.push(`Mastery and due dates are rebuilt from the stored evaluations; scheduler: ${p.scheduler}.`, '');
  return out.join('\n');
}
