// One question of the HTML report: the prompt, the answers with the follow-ups they answered, key
// points with quoted evidence, criterion levels, the scorer, and the reference answer.
import type { ReportQuestion } from '../../engine/report/report-schema.js';
import { html, type SafeHtml } from './html-template.js';
import { coverageLabel, difficultyLabel, scoreText, scorerLabel, statusLabel } from './report-labels.js';

function exchanges(q: ReportQuestion): SafeHtml {
  if (q.exchanges.length === 0) return html`<p class="muted">No answer.</p>`;
  return html`${q.exchanges.map((e, i) => {
    const asked =
      e.askedKind === 'follow-up' ? html`<p class="asked"><strong>Follow-up:</strong> ${e.asked}</p>`
      : e.askedKind === 'hint' ? html`<p class="asked"><strong>After a hint:</strong> ${e.asked}</p>`
      : html`<p class="asked"><strong>${i === 0 ? 'Answer' : 'Answer (continued)'}</strong></p>`;
    return html`${asked}<blockquote>${e.answer}</blockquote>`;
  })}`;
}

function keyPoints(q: ReportQuestion): SafeHtml {
  return html`<h4>Key points</h4><ul class="kps">${q.keyPoints.map(
    (k) => html`<li class="${k.status ?? 'unassessed'}">${k.statement} <span class="muted">(${coverageLabel(k.status)}${k.negated ? ', negated' : ''})</span>
      ${k.evidence.map((quote) => html`<span class="evidence">“${quote}”</span>`)}</li>`,
  )}</ul>`;
}

function criteria(q: ReportQuestion): SafeHtml | null {
  if (q.criteria.length === 0) return null;
  return html`<table><thead><tr><th>Criterion</th><th class="num">Level</th><th>Why</th></tr></thead><tbody>${q.criteria.map(
    (c) => html`<tr><td>${c.name}</td><td class="num">${c.level} / 4</td><td>${c.reason}${c.descriptor ? html` <span class="muted">(${c.descriptor})</span>` : null}</td></tr>`,
  )}</tbody></table>`;
}

/** The article for one question. */
export function questionHtml(q: ReportQuestion): SafeHtml {
  const source = q.beyondGuide ? 'beyond the guide' : html`guide section “${q.source}”`;
  const assessed = q.score !== null || q.exchanges.length > 0;
  return html`<article class="card question" id="q${q.number}">
  <h3>Question ${q.number}: ${q.prompt}</h3>
  <p class="meta">${q.topic} · ${difficultyLabel(q.difficulty)} · ${statusLabel(q.status)} · score <strong>${scoreText(q.score)}</strong> · ${source}</p>
  ${exchanges(q)}
  ${assessed ? keyPoints(q) : null}
  ${criteria(q)}
  ${q.scoring.scorer === 'none' ? null : html`<p class="meta">Scored by: ${scorerLabel(q.scoring)}${q.attempts > 1 ? ` · attempts: ${q.attempts}` : ''}</p>`}
  <div class="reference"><strong>Reference answer.</strong> ${q.referenceAnswer}</div>
</article>`;
}
