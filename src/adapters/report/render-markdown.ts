// The report as GitHub-flavoured Markdown. Every dynamic string goes through escapeMarkdown (or
// markdownQuote for answers), bank text included, since it can hold `|`, `*` or `_` too.
import { attemptLabel, contradictionLine, isContradicted } from '../../engine/report/answer-labels.js';
import type { Report, ReportQuestion } from '../../engine/report/report-schema.js';
import { escapeMarkdown as md, markdownAnswerQuote, markdownInline } from './escape-markdown.js';
import {
  countsLabel,
  coverageLabel,
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
  criterionWhy,
} from './report-labels.js';

/** A text bar for tables: Markdown on GitHub cannot show the SVG chart. */
function textBar(share: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * 10);
  return `${'█'.repeat(filled)}${'░'.repeat(10 - filled)}`;
}

function header(r: Report): string[] {
  const when = r.startedAt ?? r.createdAt;
  const duration = r.startedAt !== null && r.endedAt !== null ? `, ${formatDuration(r.endedAt - r.startedAt)}` : '';
  return [
    '# Probe feedback report',
    '',
    `Session \`${r.sessionId.replace(/`/g, '')}\` · ${modeLabel(r.mode)} · ${formatTime(when)}${duration} · ${sessionStatusLabel(r.status)}`,
    '',
    `## Overall: ${scoreText(r.overall.score)}${r.overall.band ? ` (${r.overall.band})` : ''}`,
    '',
    `**${md(r.verdict)}**`,
    '',
    `${md(countsLabel(r))}. ${md(r.overall.rule)}`,
  ];
}

function scores(r: Report): string[] {
  const out = ['', '## Scores', '', '| Topic | Score | | Questions counted |', '|---|---:|---|---:|'];
  for (const t of r.topics) out.push(`| ${md(t.title)} | ${scoreText(t.score)} | ${t.score === null ? '' : textBar(t.score / 100)} | ${t.counted} of ${t.total} |`);
  if (r.criteria.length > 0) {
    out.push('', '| Rubric criterion | Mean level | | Answers rated |', '|---|---:|---|---:|');
    for (const c of r.criteria) out.push(`| ${md(c.name)} | ${c.average.toFixed(1)} / 4 | ${textBar(c.average / 4)} | ${c.questions} |`);
  }
  return out;
}

function focus(r: Report): string[] {
  const out = ['', '## Strengths', ''];
  if (r.strengths.length === 0) out.push(noStrengthsLabel(r));
  for (const s of r.strengths) out.push(`- **${md(s.title)}**: ${md(s.detail)}`);
  out.push('', '## Top gaps to study', '');
  if (r.gaps.length === 0) out.push(noGapsLabel(r));
  for (const g of r.gaps) {
    const links = g.questions.map((q) => `[question ${q.number}](#question-${q.number})`).join(', ');
    out.push(`### ${g.rank}. ${md(g.title)}`, '', `${md(g.study)} See ${links}. Missed weight: ${g.missedWeight.toFixed(2)}.`, '');
    for (const p of g.points) out.push(`- Question ${p.questionNumber} (${p.status}): ${md(p.statement)}`);
    out.push('');
  }
  return out;
}

function drill(r: Report): string[] {
  if (!r.drill) return [];
  const out = ['', '## Drill: probes per key point', '', '| Question | Key point | Probes | Outcome |', '|---:|---|---:|---|'];
  for (const p of r.drill.probes) out.push(`| ${p.questionNumber} | ${md(p.statement)} | ${p.probes} | ${md(probeLabel(p))} |`);
  return out;
}

function exchangeLines(exchanges: ReportQuestion['exchanges']): string[] {
  if (exchanges.length === 0) return ['', '_No answer._'];
  return exchanges.flatMap((e, i) => {
    const lead = e.askedKind === 'follow-up' ? `**Follow-up:** ${markdownInline(e.asked ?? '')}` : e.askedKind === 'hint' ? `**After a hint:** ${markdownInline(e.asked ?? '')}` : i === 0 ? '**Answer:**' : '**Answer (continued):**';
    return ['', lead, '', markdownAnswerQuote(e.answer)];
  });
}

function earlier(q: ReportQuestion): string[] {
  return q.earlierAttempts.flatMap((a) => [
    '',
    `**${md(attemptLabel(a))}**`,
    ...exchangeLines(a.exchanges),
  ]);
}

function keyPoints(q: ReportQuestion): string[] {
  const out = ['', '**Key points**', ''];
  for (const k of q.keyPoints) {
    if (isContradicted(k)) {
      out.push(`- ❌ ${md(contradictionLine(k))}`);
      continue;
    }
    const mark = k.status === 'covered' ? '✅' : k.status === 'partly' ? '🟡' : k.status === 'missed' ? '❌' : '·';
    out.push(`- ${mark} ${md(k.statement)} _(${coverageLabel(k.status)})_`);
    for (const quote of k.evidence) out.push(`  - “${md(quote)}”`);
  }
  return out;
}

function criteria(q: ReportQuestion): string[] {
  if (q.criteria.length === 0) return [];
  const out = ['', '| Criterion | Level | Why |', '|---|---:|---|'];
  for (const c of q.criteria) out.push(`| ${md(c.name)} | ${c.level} / 4 | ${md(criterionWhy(c))} |`);
  return out;
}

function notes(q: ReportQuestion): string[] {
  const lines = q.notes;
  return lines.length === 0 ? [] : ['', ...lines.map((l) => `> **Note:** ${md(l)}`)];
}

function question(q: ReportQuestion): string[] {
  const meta = `${md(q.topicTitle)} · ${difficultyLabel(q.difficulty)} · ${md(statusLabel(q.status))} · score ${scoreText(q.score)}`;
  return [
    '',
    `<a id="question-${q.number}"></a>`,
    '',
    `### Question ${q.number}: ${md(q.prompt)}`,
    '',
    meta,
    ...notes(q),
    ...earlier(q),
    ...(q.earlierAttempts.length > 0 ? ['', `**Attempt ${q.attempts} (counted):**`] : []),
    ...exchangeLines(q.exchanges),
    ...(q.score === null && q.exchanges.length === 0 ? [] : keyPoints(q)),
    ...criteria(q),
    ...(q.scoring.scorer === 'none' ? [] : ['', `Scored by: ${md(scorerLabel(q.scoring))}${q.attempts > 1 ? ` · attempts: ${q.attempts}` : ''}`]),
    '',
    `**Reference answer.** ${md(q.referenceAnswer)}`,
  ];
}

function provenance(r: Report): string[] {
  const p = r.provenance;
  const out = ['', '## How this was scored', '', md(p.summary), ''];
  for (const q of r.questions.filter((x) => x.scoring.scorer !== 'none')) out.push(`- Question ${q.number}: ${md(scorerLabel(q.scoring))}`);
  if (p.fallbacks.length > 0) out.push('', '**Fallbacks**', '', ...p.fallbacks.map((f) => `- ${md(fallbackLabel(f))}`));
  const dropped = r.questions.flatMap((q) => q.scoring.droppedClaims.map((d) => `- Question ${q.number}, ${md(d.keyPointId)}: “${md(d.quote)}” (quote not found in the answer, claim dropped)`));
  if (dropped.length > 0) out.push('', '**Dropped claims**', '', ...dropped);
  for (const d of p.disagreements) out.push('', `Question ${d.questionNumber}: the LLM (${d.score}) and the offline scorer (${Math.round(d.offlineScore)}) disagree; treat this score with care.`);
  out.push('', `Token usage: ${p.usage ? usageLabel(p.usage) : 'none (no LLM ran)'}.`, '', `Question bank version \`${p.bankVersion.replace(/`/g, '')}\` · report generated ${formatTime(r.generatedAt)} · schema v${r.schemaVersion}.`);
  return out;
}

/** Renders the report as Markdown that reads well on GitHub. */
export function renderMarkdown(report: Report): string {
  return [...header(report), ...scores(report), ...focus(report), ...drill(report), '', '## Questions', ...report.questions.flatMap(question), ...provenance(report), ''].join('\n');
}
