// The progress report as one self-contained HTML file: the score trend as an inline SVG, a heat
// map of topics by key points, the due list. Same lock-down as the session report (REPORT_CSP).
import type { KeyPointMastery, ProgressData } from '../../engine/progress/progress-schema.js';
import { REPORT_CSS } from './html-styles.js';
import { html, trustedHtml, type SafeHtml } from './html-template.js';
import { countsText, dueEntries, dueLabel, historyLabel, latestLabel, masteryLabel, recallLabel, timeSummary, trendLabel } from './progress-labels.js';
import { REPORT_CSP } from './render-html.js';
import { formatDay, formatTime } from './report-labels.js';
import { renderTrendChart, TREND_COLORS } from './svg-trend-chart.js';

const PROGRESS_CSS = `
.heat { border-collapse: collapse; }
.heat td, .heat th { padding: .35rem .5rem; border: 1px solid var(--line); text-align: left; vertical-align: top; }
.cell-covered { background: color-mix(in srgb, var(--covered) 30%, transparent); }
.cell-partly { background: color-mix(in srgb, var(--partly) 30%, transparent); }
.cell-missed { background: color-mix(in srgb, var(--missed) 25%, transparent); }
.cell-contradicted { background: color-mix(in srgb, var(--missed) 45%, transparent); font-weight: 600; }
.legend span { display: inline-block; margin-right: 1rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: middle; }
`;

function heatCell(k: KeyPointMastery, now: number): SafeHtml {
  return html`<tr><td>${k.statement}<br><span class="muted">${k.questionPrompt}</span></td><td class="cell-${k.status}">${latestLabel(k)}</td><td>${recallLabel(k)}</td><td>${dueLabel(k.due, now)}</td><td class="muted">${historyLabel(k)}</td></tr>`;
}

export function renderProgressHtml(p: ProgressData, subject: string): string {
  const series = p.topics.map((t) => ({ label: t.title, points: t.trend }));
  const due = dueEntries(p);
  const body = html`<main>
<h1>Probe progress report</h1>
<p class="meta">Profile ${subject} · generated ${formatTime(p.generatedAt)}</p>
<section><h2>Time practised</h2><p>${timeSummary(p)}</p></section>
<section><h2>Score over time</h2>
${p.topics.length > 0 ? trustedHtml(renderTrendChart(series, 'Score per session, by topic (0-100)')) : html`<p>Nothing practised yet.</p>`}
<p class="legend">${p.topics.map((t, i) => html`<span><span class="swatch" style="background:${TREND_COLORS[i % TREND_COLORS.length]}"></span>${t.title}: ${trendLabel(t)}</span>`)}</p>
</section>
<section><h2>Topics</h2><table class="heat"><thead><tr><th>Topic</th><th>Mastery</th><th>Key points</th><th>Last practised</th></tr></thead><tbody>
${p.topics.map((t) => html`<tr><td>${t.title}</td><td>${Math.round(t.mastery)}/100</td><td>${countsText(t)}</td><td>${formatDay(t.lastPractised)}</td></tr>`)}
</tbody></table></section>
<section><h2>Due to practise</h2>${due.length === 0 ? html`<p>Nothing is scheduled yet.</p>` : html`<ul>${due.map(({ entry, point }) => html`<li><strong>${dueLabel(entry.due, p.generatedAt)}</strong>: ${point.statement} <span class="muted">(${point.questionPrompt}; last ${masteryLabel(point.status)})</span></li>`)}</ul>`}</section>
<section><h2>Key points</h2>
${p.topics.map((t) => html`<h3>${t.title}</h3><table class="heat"><thead><tr><th>Key point</th><th>Latest</th><th>Recall now</th><th>Next due</th><th>History</th></tr></thead><tbody>${p.keyPoints.filter((k) => k.topic === t.topic).map((k) => heatCell(k, p.generatedAt))}</tbody></table>`)}
</section>
<p class="meta">Mastery and due dates are rebuilt from the stored evaluations; scheduler: ${p.scheduler}.</p>
</main>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<title>Probe progress report</title><style>${REPORT_CSS}${PROGRESS_CSS}</style></head>
<body>${body.value}</body></html>
`;
}
