// The report as one self-contained HTML file: inline CSS (light, dark, print) and an inline SVG
// chart, no scripts and no external requests (a Content-Security-Policy forbids them as well).
import type { Report } from '../../engine/report/report-schema.js';
import { questionHtml } from './html-question.js';
import { REPORT_CSS } from './html-styles.js';
import { html, trustedHtml, type SafeHtml } from './html-template.js';
import {
  chartGroups,
  countsLabel,
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
  usageLabel,
} from './report-labels.js';
import { renderBarChart } from './svg-bar-chart.js';

/** Forbids every fetch, script and frame: even a markup slip could not load or run anything. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function overview(r: Report): SafeHtml {
  const when = r.startedAt ?? r.createdAt;
  const duration = r.startedAt !== null && r.endedAt !== null ? `, ${formatDuration(r.endedAt - r.startedAt)}` : '';
  const score = r.overall.score === null ? '—' : String(r.overall.score);
  return html`<header>
  <h1>Probe feedback report</h1>
  <p class="meta">Session <code>${r.sessionId}</code> · ${modeLabel(r.mode)} · ${formatTime(when)}${duration} · ${sessionStatusLabel(r.status)}</p>
</header>
<section class="card overall" aria-label="Overall score">
  <div class="score">${score}<small> / 100</small></div>
  <div>
    ${r.overall.band ? html`<span class="badge ${r.overall.band}">${r.overall.band}</span>` : null}
    <p class="verdict">${r.verdict}</p>
    <p class="muted">${countsLabel(r)}. ${r.overall.rule}</p>
  </div>
</section>`;
}

function scores(r: Report): SafeHtml {
  const chart = trustedHtml(renderBarChart(chartGroups(r), { title: 'Scores by topic and rubric criterion', empty: 'not counted' }));
  return html`<section><h2>Scores</h2>
  <div class="card">${chart}</div>
  <table><thead><tr><th>Topic</th><th class="num">Score</th><th class="num">Questions counted</th></tr></thead><tbody>
  ${r.topics.map((t) => html`<tr><td>${t.title}</td><td class="num">${scoreText(t.score)}</td><td class="num">${t.counted} of ${t.total}</td></tr>`)}
  </tbody></table>
  ${r.criteria.length > 0
    ? html`<table><thead><tr><th>Rubric criterion</th><th class="num">Mean level</th><th class="num">Answers rated</th></tr></thead><tbody>
  ${r.criteria.map((c) => html`<tr><td>${c.name}</td><td class="num">${c.average.toFixed(1)} / 4</td><td class="num">${c.questions}</td></tr>`)}
  </tbody></table>`
    : null}
</section>`;
}

function focus(r: Report): SafeHtml {
  return html`<section><h2>Strengths</h2>
  ${r.strengths.length === 0 ? html`<p class="muted">${noStrengthsLabel(r)}</p>` : null}
  <ul>${r.strengths.map((s) => html`<li><strong>${s.title}</strong>: ${s.detail}</li>`)}</ul>
</section>
<section><h2>Top gaps to study</h2>
  ${r.gaps.length === 0 ? html`<p class="muted">${noGapsLabel(r)}</p>` : null}
  ${r.gaps.map(
    (g) => html`<div class="card gap"><h3>${g.rank}. ${g.title}</h3>
    <p>${g.study} See ${g.questions.map((q, i) => html`${i > 0 ? ', ' : ''}<a href="#question-${q.number}">question ${q.number}</a>`)}. <span class="muted">Missed weight: ${g.missedWeight.toFixed(2)}.</span></p>
    <ul>${g.points.map((p) => html`<li><a href="#question-${p.questionNumber}">Question ${p.questionNumber}</a> (${p.status}): ${p.statement}</li>`)}</ul></div>`,
  )}
</section>`;
}

function drill(r: Report): SafeHtml | null {
  if (!r.drill) return null;
  return html`<section><h2>Drill: probes per key point</h2>
  <table><thead><tr><th class="num">Q</th><th>Key point</th><th class="num">Probes</th><th>Outcome</th></tr></thead><tbody>
  ${r.drill.probes.map((p) => html`<tr><td class="num">${p.questionNumber}</td><td>${p.statement}</td><td class="num">${p.probes}</td><td>${probeLabel(p)}</td></tr>`)}
  </tbody></table></section>`;
}

function provenance(r: Report): SafeHtml {
  const p = r.provenance;
  const dropped = r.questions.flatMap((q) => q.scoring.droppedClaims.map((d) => ({ n: q.number, ...d })));
  return html`<section><h2>How this was scored</h2>
  <p>${p.summary}</p>
  <ul>${r.questions.filter((q) => q.scoring.scorer !== 'none').map((q) => html`<li>Question ${q.number}: ${scorerLabel(q.scoring)}</li>`)}</ul>
  ${p.fallbacks.length > 0 ? html`<h4>Fallbacks</h4><ul>${p.fallbacks.map((f) => html`<li>${fallbackLabel(f)}</li>`)}</ul>` : null}
  ${dropped.length > 0
    ? html`<h4>Dropped claims</h4><ul>${dropped.map((d) => html`<li>Question ${d.n}, ${d.keyPointId}: “${d.quote}” <span class="muted">(quote not found in the answer, claim dropped)</span></li>`)}</ul>`
    : null}
  ${p.disagreements.map((d) => html`<p class="warn">Question ${d.questionNumber}: the LLM (${d.score}) and the offline scorer (${Math.round(d.offlineScore)}) disagree; treat this score with care.</p>`)}
  <p>Token usage: ${p.usage ? usageLabel(p.usage) : 'none (no LLM ran)'}.</p>
  <p class="meta">Question bank version <code>${p.bankVersion}</code> · report generated ${formatTime(r.generatedAt)} · schema v${r.schemaVersion}</p>
</section>`;
}

/** Renders the report as one self-contained, print-friendly HTML document. */
export function renderHtml(report: Report): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${trustedHtml(REPORT_CSP)}">
<meta name="referrer" content="no-referrer">
<title>Probe feedback report · ${report.sessionId}</title>
<style>${trustedHtml(REPORT_CSS)}</style>
</head>
<body><main>
${overview(report)}
${scores(report)}
${focus(report)}
${drill(report)}
<section><h2>Questions</h2>${report.questions.map(questionHtml)}</section>
${provenance(report)}
</main></body>
</html>
`.value;
}
