// One question of the HTML report: the prompt, the answers with the follow-ups they answered, key
// points with quoted evidence, criterion levels, the scorer, and the reference answer.
import { attemptLabel, contradictionLine, isContradicted } from '../../engine/report/answer-labels.js';
import type { ReportQuestion } from '../../engine/report/report-schema.js';
import { html, trustedHtml, type SafeHtml } from './html-template.js';
import { markdownInlineToHtml, markdownToHtml } from './markdown-render.js';
import { coverageLabel, criterionWhy, difficultyLabel, scoreText, scorerLabel, statusLabel } from './report-labels.js';

/** Candidate text as Markdown: markdown-it escapes raw HTML and makes no links or images (see markdown-render). */
const rich = (text: string): SafeHtml => trustedHtml(markdownToHtml(text));
const richLine = (text: string | null): SafeHtml => trustedHtml(markdownInlineToHtml(text ?? ''));

function exchanges(list: ReportQuestion['exchanges']): SafeHtml {
  if (list.length === 0) return html`<p class="muted">No answer.</p>`;
  return html`${list.map((e, i) => {
    const asked =
      e.askedKind === 'follow-up' ? html`<p class="asked"><strong>Follow-up:</strong> ${richLine(e.asked)}</p>`
      : e.askedKind === 'hint' ? html`<p class="asked"><strong>After a hint:</strong> ${richLine(e.asked)}</p>`
      : html`<p class="asked"><strong>${i === 0 ? 'Answer' : 'Answer (continued)'}</strong></p>`;
    return html`${asked}<blockquote class="answer">${rich(e.answer)}</blockquote>`;
  })}`;
}

function keyPoints(q: ReportQuestion): SafeHtml {
  return html`<h4>Key points</h4><ul class="kps">${q.keyPoints.map((k) =>
    isContradicted(k)
      ? html`<li class="missed contradicted">${contradictionLine(k)}</li>`
      : html`<li class="${k.status ?? 'unassessed'}">${k.statement} <span class="muted">(${coverageLabel(k.status)})</span>
      ${k.evidence.map((quote) => html`<span class="evidence">“${quote}”</span>`)}</li>`,
  )}</ul>`;
}

function criteria(q: ReportQuestion): SafeHtml | null {
  if (q.criteria.length === 0) return null;
  return html`<table><thead><tr><th>Criterion</th><th class="num">Level</th><th>Why</th></tr></thead><tbody>${q.criteria.map(
    (c) => html`<tr><td>${c.name}</td><td class="num">${c.level} / 4</td><td>${criterionWhy(c)}</td></tr>`,
  )}</tbody></table>`;
}

function notes(q: ReportQuestion): SafeHtml | null {
  const lines = q.notes;
  return lines.length === 0 ? null : html`<ul class="notes">${lines.map((l) => html`<li>${l}</li>`)}</ul>`;
}

function earlier(q: ReportQuestion): SafeHtml | null {
  if (q.earlierAttempts.length === 0) return null;
  return html`${q.earlierAttempts.map(
    (a) => html`<details class="attempt" open><summary>${attemptLabel(a)}</summary>${exchanges(a.exchanges)}</details>`,
  )}<p class="asked"><strong>Attempt ${q.attempts} (counted)</strong></p>`;
}

/** The article for one question; its id is the anchor the gaps and the verdict link to. */
export function questionHtml(q: ReportQuestion): SafeHtml {
  const assessed = q.score !== null || q.exchanges.length > 0;
  return html`<article class="card question" id="question-${q.number}">
  <h3>Question ${q.number}: ${q.prompt}</h3>
  <p class="meta">${q.topicTitle} · ${difficultyLabel(q.difficulty)} · ${statusLabel(q.status)} · score <strong>${scoreText(q.score)}</strong></p>
  ${notes(q)}
  ${earlier(q)}
  ${exchanges(q.exchanges)}
  ${assessed ? keyPoints(q) : null}
  ${criteria(q)}
  ${q.scoring.scorer === 'none' ? null : html`<p class="meta">Scored by: ${scorerLabel(q.scoring)}${q.attempts > 1 ? ` · attempts: ${q.attempts}` : ''}</p>`}
  <div class="reference" id="reference-${q.number}"><strong>Reference answer.</strong> ${q.referenceAnswer}</div>
</article>`;
}
