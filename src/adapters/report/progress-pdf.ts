// The progress report as a PDF (pdfkit, standard fonts): the same sections as the Markdown, as text.
import PDFDocument from 'pdfkit';
import type { ProgressData } from '../../engine/progress/progress-schema.js';
import { collectPdf, PdfWriter } from './pdf-writer.js';
import { countsText, dueEntries, dueLabel, historyLabel, latestLabel, recallLabel, timeSummary, trendLabel } from './progress-labels.js';
import { formatDay, formatTime } from './report-labels.js';

export function renderProgressPdf(p: ProgressData, subject: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 48, bottom: 52, left: 54, right: 54 }, lang: 'en', displayTitle: true, info: { Title: 'Probe progress report', Author: 'Probe' } });
  const done = collectPdf(doc);
  const w = new PdfWriter(doc);
  w.heading('Probe progress report', 1);
  w.paragraph(`Profile ${subject} · generated ${formatTime(p.generatedAt)}`, { muted: true });
  w.heading('Time practised', 2);
  w.paragraph(timeSummary(p));
  w.heading('Topics', 2);
  if (p.topics.length === 0) w.paragraph('Nothing practised yet.');
  for (const t of p.topics) w.bullet(`${t.title}: mastery ${Math.round(t.mastery)}/100 (${countsText(t)}); last practised ${formatDay(t.lastPractised)}; score per session ${trendLabel(t)}`);
  w.heading('Due to practise', 2);
  const due = dueEntries(p);
  if (due.length === 0) w.paragraph('Nothing is scheduled yet.');
  for (const { entry, point } of due) w.bullet(`${dueLabel(entry.due, p.generatedAt)}: ${point.statement} (last ${latestLabel(point)})`);
  w.heading('Key points', 2);
  for (const t of p.topics) {
    w.heading(t.title, 3);
    for (const k of p.keyPoints.filter((x) => x.topic === t.topic)) w.bullet(`${k.statement}: ${latestLabel(k)}; recall now ${recallLabel(k)}; ${dueLabel(k.due, p.generatedAt)}; history ${historyLabel(k)}`);
  }
  w.paragraph(`Scheduler: ${p.scheduler}.`, { muted: true, size: 9 });
  doc.end();
  return done;
}
