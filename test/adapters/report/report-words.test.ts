// Every format says the same thing: flags in words, contradictions in the lead's wording, both
// scores when the scorers disagree, topic titles, criterion reasons once, Markdown answers
// rendered (and inert), one colour for a score, and no PDF heading left at a page bottom.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/adapters/report/render-report.js';
import { BAND_FILLS, bandClass, renderBarChart } from '../../../src/adapters/report/svg-bar-chart.js';
import { flagLines } from '../../../src/engine/report/answer-labels.js';
import { buildReport } from '../../../src/engine/report/build-report.js';
import type { Report, ReportQuestion } from '../../../src/engine/report/report-schema.js';
import { BAND_COLORS, scoreColor } from '../../../src/engine/report/score-colors.js';
import { llmWithFallback } from '../../engine/report/scenarios.js';
import { realBank, T0 } from '../../engine/report/sessions.js';

const MARKDOWN_ANSWER = [
  'Attention is **softmax-weighted** mixing: $\\mathrm{softmax}(QK^T/\\sqrt{d})V$ with `d` the key size.',
  '',
  '- queries come from the token',
  '- keys and values from every position',
  '',
  '```python',
  'weights = softmax(q @ k.T / sqrt(d))',
  '```',
  '<img src=x onerror=alert(1)> <script>alert(2)</script>',
].join('\n');

let report: Report;
let dir: string;

function flagged(q: ReportQuestion): ReportQuestion {
  const [first, ...rest] = q.keyPoints;
  return {
    ...q,
    flags: ['dont-know', 'gibberish', 'off-topic', 'empty', 'addresses-grader' as ReportQuestion['flags'][number]],
    notes: [...flagLines(['dont-know', 'gibberish', 'off-topic', 'empty', 'addresses-grader']), ...q.notes],
    keyPoints: first ? [{ ...first, status: 'missed', negated: true, evidence: ['attention only looks at the previous token'] }, ...rest] : rest,
    criteria: q.criteria.map((c) => ({ ...c, reason: 'Understandable but loosely organised.', descriptor: 'Understandable but loosely organised.' })),
    exchanges: q.exchanges.map((e, i) => (i === 0 ? { ...e, answer: MARKDOWN_ANSWER } : e)),
  };
}

beforeAll(async () => {
  const s = llmWithFallback(await realBank());
  const base = buildReport(s.state, { sessionId: s.id, createdAt: T0, generatedAt: T0 + 3_600_000 });
  report = { ...base, questions: base.questions.map((q, i) => (i === 0 ? flagged(q) : q)) };
  dir = mkdtempSync(path.join(tmpdir(), 'probe-words-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const body = async (format: 'md' | 'html'): Promise<string> => (await renderReport(report, format)).body as string;

function pdfText(r: Report, name: string, layout = false): Promise<string> {
  return renderReport(r, 'pdf').then(({ body: pdf }) => {
    const file = path.join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
  });
}

/** The JSON holds the notes in words and the contradiction as data (negated, evidence, statement). */
async function jsonWords(): Promise<string> {
  // Until the grader-address flag joins AnswerFlagSchema (issue 12), the JSON's schema check refuses it as a flag; its note stays.
  const known = { ...report, questions: report.questions.map((q) => ({ ...q, flags: q.flags.filter((f) => f !== ('addresses-grader' as string)) })) };
  const parsed = JSON.parse((await renderReport(known, 'json')).body as string) as Report;
  const k = parsed.questions[0]?.keyPoints[0];
  expect(k).toMatchObject({ negated: true, status: 'missed', evidence: ['attention only looks at the previous token'] });
  return `${JSON.stringify(parsed)} Contradicted: you said "${k?.evidence[0]}"; the point is: `;
}

const WORDS = [
  'You said you did not know, so no key point was credited.',
  'The answer could not be read as words, so it scored 0.',
  'The answer was about something else, so it scored 0.',
  'No answer was given, so it scored 0.',
  'Part of the answer spoke to the grader instead of the question; that part earned no credit.',
  'The LLM judge scored this 60/100 and the offline scorer 85/100; they disagree, so read this score with care.',
  'Transformers and attention',
];

describe('every format says the same thing', () => {
  it.each(['md', 'html', 'pdf', 'json'] as const)('%s names the flags, the contradiction, both scores and the topic title', async (format) => {
    const raw = format === 'pdf' ? await pdfText(report, 'words') : format === 'json' ? await jsonWords() : await body(format);
    const text = raw.replace(/&quot;/g, '"').replace(/\\/g, '').replace(/\s+/g, ' ');
    for (const words of WORDS) expect(text, words).toContain(words);
    expect(text).toContain('Contradicted: you said "attention only looks at the previous token"; the point is: ');
    expect(text).not.toMatch(/\| transformers \||<td>transformers<\/td>/);
    // The criterion's reason and the rubric's descriptor were the same words: said once.
    expect(text).not.toContain('Understandable but loosely organised. (Understandable but loosely organised.)');
    expect(text).toContain('Understandable but loosely organised.');
  });
});

describe('Markdown answers', () => {
  it('render as markup in the HTML report, with raw HTML left as text', async () => {
    const page = await body('html');
    expect(page).toContain('<strong>softmax-weighted</strong>');
    expect(page).toContain('<code>d</code>');
    expect(page).toMatch(/<li>queries come from the token<\/li>/);
    expect(page).toContain('<pre><code class="language-python">weights = softmax(q @ k.T / sqrt(d))');
    expect(page).toMatch(/<math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML">.*<msqrt>/s);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt;');
    expect(page).not.toMatch(/<img|<script/);
  });

  it('keep their Markdown in the Markdown report and lose the markers in the PDF', async () => {
    const md = await body('md');
    expect(md).toContain('> Attention is **softmax-weighted** mixing');
    expect(md).toContain('> ```python');
    const pdf = (await pdfText(report, 'markers')).replace(/\s+/g, ' ');
    expect(pdf).toContain('Attention is softmax-weighted mixing');
    expect(pdf).toContain('- queries come from the token');
    expect(pdf).toContain('weights = softmax(q @ k.T / sqrt(d))');
    expect(pdf).not.toContain('**softmax');
    expect(pdf).not.toContain('```');
  });
});

describe('one colour scale', () => {
  it('gives a 48 the same colour in the SVG chart, the HTML stylesheet and the PDF fills', async () => {
    const developing = BAND_COLORS.developing.light;
    expect(scoreColor(48)).toBe(developing);
    expect(BAND_FILLS[bandClass(0.48)]).toBe(developing);
    expect(renderBarChart([{ title: 't', items: [{ label: 'x', value: 48, max: 100 }] }], { title: 't' })).toContain(`fill="${developing}"`);
    expect(await body('html')).toContain(`--developing: ${developing};`);
    expect(scoreColor(79)).toBe(BAND_COLORS.solid.light);
    expect(scoreColor(80)).toBe(BAND_COLORS.strong.light);
  });
});

describe('pdf layout', () => {
  it('never leaves a heading or a lead-in at the bottom of a page', { timeout: 60_000 }, async () => {
    // Twelve layouts: a verdict of growing length shifts every heading down the page a little more.
    const headings = [...report.questions.map((q) => `Question ${q.number}: ${q.prompt}`), 'Key points', 'Answer:', 'Top gaps to study', 'Strengths', 'Questions', 'How this was scored', '1. Transformers and attention'];
    for (let shift = 0; shift < 12; shift += 1) {
      const shifted = { ...report, verdict: `${report.verdict}${' Padding to move the layout.'.repeat(shift * 2)}` };
      const pages = (await pdfText(shifted, `orphans-${shift}`)).split('\f').filter((p) => p.trim() !== '');
      for (const [i, page] of pages.entries()) {
        const text = page.replace(/Probe feedback report · \S+ · page \d+ of \d+/, '').replace(/\s+/g, ' ').trim();
        for (const heading of headings) {
          // A heading on this page has some of its block after it, on the same page.
          if (text.endsWith(heading)) expect.fail(`layout ${shift}, page ${i + 1} ends with "${heading.slice(0, 50)}"`);
        }
      }
    }
  });
});
