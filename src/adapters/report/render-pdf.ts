// The report as a PDF made with pdfkit: the standard Helvetica fonts only (nothing embedded), the
// bar chart in vector primitives, and real text that pdftotext and screen readers can extract.
import PDFDocument from 'pdfkit';
import { attemptLabel, contradictionLine, isContradicted } from '../../engine/report/answer-labels.js';
import type { Report, ReportQuestion } from '../../engine/report/report-schema.js';
import { markdownToPlainLine } from './markdown-render.js';
import { drawAnswer } from './pdf-answer.js';
import { drawBarChart } from './pdf-chart.js';
import { pdfText } from './pdf-text.js';
import { collectPdf, COLORS, PdfWriter } from './pdf-writer.js';
import {
  chartGroups,
  countsLabel,
  coverageLabel,
  criterionWhy,
  difficultyLabel,
  fallbackLabel,
  formatDuration,
  formatTime,
  modeLabel,
  noGapsLabel,
  noStrengthsLabel,
  probeLabel,
  scoreText,
  scorerLabel,
  sessionStatusLabel,
  statusLabel,
  usageLabel,
} from './report-labels.js';

function overview(w: PdfWriter, r: Report): void {
  const when = r.startedAt ?? r.createdAt;
  const duration = r.startedAt !== null && r.endedAt !== null ? `, ${formatDuration(r.endedAt - r.startedAt)}` : '';
  w.heading('Probe feedback report', 1);
  w.paragraph(`Session ${r.sessionId} · ${modeLabel(r.mode)} · ${formatTime(when)}${duration} · ${sessionStatusLabel(r.status)}`, { muted: true, size: 9 });
  w.doc.moveDown(0.4);
  w.paragraph(`Overall score: ${scoreText(r.overall.score)}${r.overall.band ? ` (${r.overall.band})` : ''}`, { bold: true, size: 16 });
  w.paragraph(r.verdict, { bold: true, size: 11.5 });
  w.paragraph(`${countsLabel(r)}. ${r.overall.rule}`, { muted: true, size: 8.5 });
}

function scores(w: PdfWriter, r: Report): void {
  w.heading('Scores', 2);
  drawBarChart(w, chartGroups(r), 'not counted');
  w.table([['Topic', 'Score', 'Questions counted'], ...r.topics.map((t) => [t.title, scoreText(t.score), `${t.counted} of ${t.total}`])], [0.5, 0.2, 0.3]);
  if (r.criteria.length > 0) {
    w.table([['Rubric criterion', 'Mean level', 'Answers rated'], ...r.criteria.map((c) => [c.name, `${c.average.toFixed(1)} / 4`, String(c.questions)])], [0.5, 0.2, 0.3]);
  }
}

function focus(w: PdfWriter, r: Report): void {
  w.heading('Strengths', 2);
  if (r.strengths.length === 0) w.paragraph(noStrengthsLabel(r), { muted: true });
  for (const s of r.strengths) w.labelled(`${s.title}:`, s.detail);
  w.heading('Top gaps to study', 2);
  if (r.gaps.length === 0) w.paragraph(noGapsLabel(r), { muted: true });
  for (const g of r.gaps) {
    w.heading(`${g.rank}. ${g.title}`, 3);
    w.paragraph(`${g.study} Missed weight: ${g.missedWeight.toFixed(2)}.`);
    for (const p of g.points) w.bullet(`Question ${p.questionNumber} (${p.status}): ${p.statement}`, 8);
  }
}

function drill(w: PdfWriter, r: Report): void {
  if (!r.drill) return;
  w.heading('Drill: probes per key point', 2);
  w.table([['Q', 'Key point', 'Probes', 'Outcome'], ...r.drill.probes.map((p) => [String(p.questionNumber), p.statement, String(p.probes), probeLabel(p)])], [0.06, 0.56, 0.1, 0.28]);
}

function exchanges(w: PdfWriter, list: ReportQuestion['exchanges']): void {
  if (list.length === 0) w.paragraph('No answer.', { muted: true });
  list.forEach((e, i) => {
    if (e.askedKind === 'follow-up' || e.askedKind === 'hint') w.labelled(e.askedKind === 'hint' ? 'After a hint:' : 'Follow-up:', markdownToPlainLine(e.asked ?? ''), { muted: true });
    else w.label(i === 0 ? 'Answer:' : 'Answer (continued):');
    drawAnswer(w, e.answer);
  });
}

function keyPoints(w: PdfWriter, q: ReportQuestion): void {
  w.label('Key points');
  for (const k of q.keyPoints) {
    if (isContradicted(k)) {
      w.bullet(`[missed] ${contradictionLine(k)}`, 4);
      continue;
    }
    w.bullet(`[${coverageLabel(k.status)}] ${k.statement}`, 4);
    for (const quote of k.evidence) w.paragraph(`“${quote}”`, { italic: true, muted: true, indent: 22 });
  }
}

function question(w: PdfWriter, q: ReportQuestion): void {
  if (q.number > 1) w.rule();
  w.heading(`Question ${q.number}: ${q.prompt}`, 3);
  w.paragraph(`${q.topicTitle} · ${difficultyLabel(q.difficulty)} · ${statusLabel(q.status)} · score ${scoreText(q.score)}`, { muted: true, size: 9 });
  for (const line of q.notes) w.labelled('Note:', line);
  for (const a of q.earlierAttempts) {
    w.label(attemptLabel(a));
    exchanges(w, a.exchanges);
  }
  if (q.earlierAttempts.length > 0) w.label(`Attempt ${q.attempts} (counted)`);
  exchanges(w, q.exchanges);
  if (q.score !== null || q.exchanges.length > 0) keyPoints(w, q);
  if (q.criteria.length > 0) {
    w.table([['Criterion', 'Level', 'Why'], ...q.criteria.map((c) => [c.name, `${c.level} / 4`, criterionWhy(c)])], [0.2, 0.1, 0.7]);
  }
  if (q.scoring.scorer !== 'none') w.paragraph(`Scored by: ${scorerLabel(q.scoring)}${q.attempts > 1 ? ` · attempts: ${q.attempts}` : ''}`, { muted: true, size: 9 });
  w.labelled('Reference answer.', q.referenceAnswer);
}

function provenance(w: PdfWriter, r: Report): void {
  const p = r.provenance;
  w.heading('How this was scored', 2);
  w.paragraph(p.summary);
  for (const q of r.questions.filter((x) => x.scoring.scorer !== 'none')) w.bullet(`Question ${q.number}: ${scorerLabel(q.scoring)}`);
  if (p.fallbacks.length > 0) w.label('Fallbacks');
  for (const f of p.fallbacks) w.bullet(fallbackLabel(f));
  const dropped = r.questions.flatMap((q) => q.scoring.droppedClaims.map((d) => `Question ${q.number}, ${d.keyPointId}: “${d.quote}” (quote not found in the answer, claim dropped)`));
  if (dropped.length > 0) w.label('Dropped claims');
  for (const d of dropped) w.bullet(d);
  for (const d of p.disagreements) {
    w.paragraph(`Question ${d.questionNumber}: the LLM (${d.score}) and the offline scorer (${Math.round(d.offlineScore)}) disagree; treat this score with care.`);
  }
  w.paragraph(`Token usage: ${p.usage ? usageLabel(p.usage) : 'none (no LLM ran)'}.`);
  w.paragraph(`Question bank version ${p.bankVersion} · report generated ${formatTime(r.generatedAt)} · schema v${r.schemaVersion}`, { muted: true, size: 9 });
}

/** Numbers every page at the foot; the bottom margin is lifted so the footer does not open a new page. */
function footer(w: PdfWriter, r: Report): void {
  const range = w.doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    w.doc.switchToPage(i);
    const bottom = w.doc.page.margins.bottom;
    w.doc.page.margins.bottom = 0;
    w.doc.font('Helvetica').fontSize(8).fillColor(COLORS.muted);
    w.doc.text(pdfText(`Probe feedback report · ${r.sessionId} · page ${i + 1} of ${range.count}`), w.left, w.doc.page.height - 30, { width: w.width, align: 'center', lineBreak: false });
    w.doc.page.margins.bottom = bottom;
  }
}

/** Renders the report as a PDF document. */
export function renderPdf(report: Report): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: 52, left: 54, right: 54 },
    bufferPages: true,
    lang: 'en',
    displayTitle: true,
    info: { Title: `Probe feedback report ${report.sessionId}`, Author: 'Probe', Subject: 'Interview feedback', CreationDate: new Date(report.generatedAt) },
  });
  const done = collectPdf(doc);
  const w = new PdfWriter(doc);
  overview(w, report);
  scores(w, report);
  focus(w, report);
  drill(w, report);
  w.heading('Questions', 2);
  for (const q of report.questions) question(w, q);
  provenance(w, report);
  footer(w, report);
  doc.end();
  return done;
}
