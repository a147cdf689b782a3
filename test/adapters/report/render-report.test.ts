import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFormat } from '../../../src/adapters/report/report-format.js';
import { renderReport } from '../../../src/adapters/report/render-report.js';
import { buildReport } from '../../../src/engine/report/build-report.js';
import { ReportSchema, type Report } from '../../../src/engine/report/report-schema.js';
import { DROPPED_QUOTE, drill, endedAfterOne, endedBeforeAnswering, JUDGE_FALLBACK, LINE_FALLBACK, llmWithFallback, offlineMock } from '../../engine/report/scenarios.js';
import { realBank, T0, type Session } from '../../engine/report/sessions.js';

const reports: Record<string, Report> = {};
let dir: string;

beforeAll(async () => {
  const bank = await realBank();
  const make: Record<string, (b: typeof bank) => Session> = { offlineMock, drill, llmWithFallback, endedAfterOne, endedBeforeAnswering };
  for (const [name, build] of Object.entries(make)) {
    const s = build(bank);
    reports[name] = buildReport(s.state, { sessionId: s.id, createdAt: T0, generatedAt: T0 + 3_600_000 });
  }
  dir = mkdtempSync(path.join(tmpdir(), 'probe-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (name: string): Report => reports[name] as Report;
const text = async (name: string, format: Exclude<ReportFormat, 'pdf'>): Promise<string> => (await renderReport(get(name), format)).body as string;

/** The PDF's text as pdftotext reads it, whitespace collapsed so wrapped lines read as one. */
async function pdfToText(name: string): Promise<string> {
  const { body } = await renderReport(get(name), 'pdf');
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, body);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const SCENARIOS = ['offlineMock', 'drill', 'llmWithFallback', 'endedAfterOne', 'endedBeforeAnswering'];

describe('renderReport', () => {
  it('serves each format with its content type and a dated download filename', async () => {
    const r = get('llmWithFallback');
    const got = await Promise.all((['md', 'html', 'pdf', 'json'] as const).map(async (f) => {
      const { contentType, filename } = await renderReport(r, f);
      return [contentType, filename];
    }));
    expect(got).toEqual([
      ['text/markdown; charset=utf-8', 'probe-report-llm-1-2025-03-14.md'],
      ['text/html; charset=utf-8', 'probe-report-llm-1-2025-03-14.html'],
      ['application/pdf', 'probe-report-llm-1-2025-03-14.pdf'],
      ['application/json; charset=utf-8', 'probe-report-llm-1-2025-03-14.json'],
    ]);
    const odd = await renderReport({ ...r, sessionId: '../../etc/pass wd"' }, 'md');
    expect(odd.filename).toBe('probe-report-etc-pass-wd-2025-03-14.md');
  });
});

describe('json', () => {
  it.each(SCENARIOS)('%s validates against ReportSchema and round-trips', async (name) => {
    const parsed = ReportSchema.safeParse(JSON.parse(await text(name, 'json')));
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toEqual(get(name));
    expect(parsed.data?.schemaVersion).toBe(1);
  });
});

describe('markdown', () => {
  it('states the overall, verdict, gaps with their sources and the provenance of an LLM session', async () => {
    const md = await text('llmWithFallback', 'md');
    expect(md).toContain('## Overall: 77/100 (solid)');
    expect(md).toContain('**A solid base with a few gaps to close; the biggest one is question 1 (60/100, on Transformers and attention).**');
    expect(md).toContain('### 1. Transformers and attention');
    expect(md).toContain('Compare your answer to question 1 (60/100) with its reference answer and key points in this report. See [question 1](#question-1).');
    expect(md).toContain('<a id="question-1"></a>');
    expect(md).not.toMatch(/guide section|beyond the guide/i);
    expect(md).toContain('- Question 1: LLM judge (test-model)');
    expect(md).toContain(`- Question 2: offline scorer, standing in for the LLM judge (test-model): ${JUDGE_FALLBACK}`);
    expect(md).toContain(`- Question 1, interviewer line: ${LINE_FALLBACK}`);
    expect(md).toContain('Token usage: 1,600 prompt + 460 completion = 2,060 tokens in 10 LLM calls.');
    expect(md).toContain('the LLM (60) and the offline scorer (85) disagree');
    expect(md).toContain('| Transformers and attention | 60/100 | ██████░░░░ | 1 of 1 |');
  });

  it('shows drill probes and an early end', async () => {
    expect(await text('drill', 'md')).toMatch(/\| 1 \| A KL-divergence term pulls .* \| 2 \| covered after 2 probes \|/);
    const ended = await text('endedAfterOne', 'md');
    expect(ended).toContain('## Overall: 70/100 (solid)');
    expect(ended).toContain('not answered (the interview ended)');
    expect(ended).toContain('not reached');
  });

  it('keeps hostile answers and LLM text inert', async () => {
    const md = [await text('offlineMock', 'md'), await text('llmWithFallback', 'md')].join('\n');
    expect(md).not.toMatch(/(?<!\\)<(img|script|iframe|b)\b/);
    // Answers keep their Markdown, but a link or an image can not form and raw HTML is text.
    expect(md).not.toMatch(/\]\(javascript/);
    expect(md).toContain('[click me]\\(javascript:alert(1))');
    expect(md).toContain('&lt;img src=x onerror=alert(1)>');
    expect(md).toContain('> Some **bold** and _underscores_ and `code`');
    expect(md).toContain('www\\.evil.example');
    // No line outside our own headings starts a heading, table row or list from candidate text.
    const lines = md.split('\n');
    expect(lines.filter((l) => /^#/.test(l)).every((l) => /^(# Probe feedback report|## [A-Z]|### (\d+\.|Question \d+:) )/.test(l))).toBe(true);
    expect(lines.filter((l) => /^\|/.test(l)).some((l) => l.includes('evil'))).toBe(false);
    expect(lines.filter((l) => l.startsWith('> ')).every((l) => !/^> #/.test(l))).toBe(true);
    expect(md).toContain(`“we divide by the temperature \\<script\\>alert("pwned")\\</script\\>”`);
  });
});

describe('html', () => {
  const tags = (page: string) => [...page.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({ name: (m[1] ?? '').toLowerCase(), attrs: m[2] ?? '' }));

  it.each(SCENARIOS)('%s has no live hostile markup, no scripts, no handlers and no external references', async (name) => {
    const page = await text(name, 'html');
    const all = tags(page);
    const names = new Set(all.map((t) => t.name));
    for (const banned of ['script', 'img', 'iframe', 'object', 'embed', 'link', 'base', 'form', 'b']) expect(names.has(banned), banned).toBe(false);
    expect(all.filter((t) => /\son[a-z]+\s*=/i.test(t.attrs))).toEqual([]);
    // The only links are in-page anchors to a question (href="#question-N").
    expect(all.filter((t) => /\s(src|href|xlink:href|action|srcset|poster|data)\s*=/i.test(t.attrs) && !/^\s*href="#question-\d+"\s*$/.test(t.attrs))).toEqual([]);
    expect(all.filter((t) => /https?:|\/\//i.test(t.attrs))).toEqual([]);
    expect(page).not.toMatch(/@import|url\(/i);
    expect(page).toContain('Content-Security-Policy');
  });

  it('shows hostile text as escaped text', async () => {
    const page = await text('offlineMock', 'html') + (await text('llmWithFallback', 'html'));
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(page).toContain('&lt;b onmouseover=alert(1)&gt;great&lt;/b&gt;');
    expect(page).toContain(DROPPED_QUOTE.replace('<script>alert("pwned")</script>', '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;'));
    expect(page).toContain('&lt;iframe src=&quot;https://evil.example/x&quot;&gt;&lt;/iframe&gt;');
  });

  it('is self-contained and print-friendly, with the chart and the report content', async () => {
    const page = await text('llmWithFallback', 'html');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('@media print');
    expect(page).toContain('prefers-color-scheme: dark');
    expect(page).toMatch(/<svg class="chart" role="img"[^>]*>.*<rect class="bar band-solid"/s);
    expect(page).toContain('<div class="score">77<small> / 100</small></div>');
    expect(page).toContain('<h3>1. Transformers and attention</h3>');
    expect(page).toContain('<article class="card question" id="question-1">');
    expect(page).toContain('Token usage: 1,600 prompt + 460 completion = 2,060 tokens in 10 LLM calls.');
    expect(await text('drill', 'html')).toContain('covered after 2 probes');
  });
});

describe('pdf', () => {
  it('is a real PDF whose text pdftotext reads back: questions, overall, gaps and provenance', async () => {
    const { body } = await renderReport(get('llmWithFallback'), 'pdf');
    expect(Buffer.isBuffer(body)).toBe(true);
    expect((body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await pdfToText('llmWithFallback');
    expect(pdf).toContain('Overall score: 77/100 (solid)');
    expect(pdf).toContain(get('llmWithFallback').questions[0]?.prompt);
    expect(pdf).toContain(get('llmWithFallback').questions[1]?.prompt);
    expect(pdf).toContain('Top gaps to study');
    expect(pdf).toContain('1. Transformers and attention');
    expect(pdf).toContain(`Question 2, scoring: ${JUDGE_FALLBACK}`);
    expect(pdf).toContain('2,060 tokens in 10 LLM calls');
    expect(pdf).toContain('<img src=x onerror=alert(1)>');
    expect(pdf).toMatch(/page 1 of \d/);
  });

  it('draws the chart and renders the drill and the early-ended sessions', async () => {
    const drillPdf = await pdfToText('drill');
    expect(drillPdf).toContain('Score by topic (0-100)');
    expect(drillPdf).toContain('covered after 2 probes');
    expect(drillPdf).toContain('Overall score: 85/100 (strong)');
    expect(await pdfToText('endedAfterOne')).toContain('Overall score: 70/100 (solid)');
    expect(await pdfToText('endedBeforeAnswering')).toContain('Nothing was scored yet');
  });
});
