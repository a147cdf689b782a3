// The progress report's formats say the same numbers, and candidate text (a contradiction's
// evidence) or a user name from the sign-in header stays text in every format.
import { describe, expect, it } from 'vitest';
import { renderProgressReport } from '../../../src/adapters/report/progress-report.js';
import { buildProgress } from '../../../src/engine/progress/build-progress.js';
import { ProgressSchema } from '../../../src/engine/progress/progress-schema.js';
import { DAY, evaluation, keyPoint, reparam, session, T0 } from '../../engine/progress/practice-fixtures.js';

const HOSTILE = '<script>alert(1)</script> | **bold** [x](javascript:alert(1))';

function hostileProgress() {
  const s = session('s1', 0, [reparam], (base) => {
    const e = evaluation(base, 0, { 'sampling-blocks-gradient': 'covered', 'noise-outside': 'contradicted' }, { overall: 40 });
    const contradicted = keyPoint(reparam, 'noise-outside', 'contradicted');
    e.score.keyPoints[1] = { ...contradicted, evidence: [{ start: 0, end: HOSTILE.length, text: HOSTILE }] };
    return [e];
  });
  return buildProgress([s], { now: T0 + 3 * DAY, topicTitles: new Map([['vaes', 'Variational Autoencoders']]) });
}

describe('the progress report', () => {
  const progress = hostileProgress();

  it('Markdown: the numbers, the contradiction in the shared wording, hostile text escaped', async () => {
    const md = String((await renderProgressReport(progress, 'eve <admin>', 'md')).body);
    expect(md).toMatch(/^# Probe progress report\n/);
    expect(md).toContain('| Variational Autoencoders | 50/100 | 1 covered, 0 partly, 0 missed, 1 contradicted | 2026-11-02 | 40 |');
    expect(md).toContain('Contradicted: you said "');
    expect(md).not.toContain('<script>');
    // No live link: the brackets are escaped, and the pipe cannot split a table cell.
    expect(md).not.toMatch(/(?<!\\)\[x(?<!\\)\]\(/);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\| ');
  });

  it('HTML: a self-contained page with the chart and no live markup from candidate text', async () => {
    const rendered = await renderProgressReport(progress, 'eve <admin>', 'html');
    const page = String(rendered.body);
    expect(rendered.filename).toBe('probe-progress-2026-11-05.html');
    expect(page).toContain('Content-Security-Policy');
    expect(page).toMatch(/<svg[^>]+role="img"/);
    expect(page).toContain('&lt;script&gt;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('eve &lt;admin&gt;');
  });

  it('JSON: the progress data itself, valid against its schema', async () => {
    const json = JSON.parse(String((await renderProgressReport(progress, 'eve', 'json')).body)) as { subject: string };
    expect(json.subject).toBe('eve');
    expect(ProgressSchema.parse(json)).toMatchObject({ topics: [{ topic: 'vaes', mastery: 50 }] });
  });

  it('PDF: a PDF document', async () => {
    const pdf = (await renderProgressReport(progress, 'eve', 'pdf')).body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
