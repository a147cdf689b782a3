import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/adapters/report/escape-html.js';
import { escapeMarkdown, markdownQuote } from '../../../src/adapters/report/escape-markdown.js';
import { html, trustedHtml } from '../../../src/adapters/report/html-template.js';

describe('escapeHtml', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    [`a & b's "c"`, 'a &amp; b&#39;s &quot;c&quot;'],
    ['&lt;already&gt;', '&amp;lt;already&amp;gt;'],
    ['plain text', 'plain text'],
  ])('%s', (input, expected) => expect(escapeHtml(input)).toBe(expected));
});

describe('html template', () => {
  it('escapes interpolated strings, joins arrays, drops null and keeps nested or trusted markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const out = html`<p title="${evil}">${evil}${[html`<b>${'<i>'}</b>`, 'x&y']}${null}${trustedHtml('<hr>')}</p>`;
    expect(out.value).toBe('<p title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;<b>&lt;i&gt;</b>x&amp;y<hr></p>');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['![x](https://evil.example/a.png)', '\\!\\[x\\](https\\://evil.example/a.png)'],
    ['| a | b |', '\\| a \\| b \\|'],
    ['# heading', '\\# heading'],
    ['**bold** _it_ `code` ~~s~~', '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~'],
    ['see www.evil.example or https://evil.example', 'see www\\.evil.example or https\\://evil.example'],
    ['mail a@b.example', 'mail a\\@\u200bb.example'],
    ['&lt; $x$ back\\slash', '\\&lt; \\$x\\$ back\\\\slash'],
    ['- item', '\\- item'],
    ['1. first', '1\\. first'],
    ['3.5 of 4', '3.5 of 4'],
    ['-5 degrees', '-5 degrees'],
    ['line one\nline two', 'line one line two'],
  ])('%j', (input, expected) => expect(escapeMarkdown(input)).toBe(expected));
});

describe('markdownQuote', () => {
  it('quotes every line, keeps line breaks and paragraphs, and escapes each line', () => {
    expect(markdownQuote('first <b>\n# second\n\n    - third\n')).toBe('> first \\<b\\>\\\n> \\# second\n>\n> \\- third');
  });

  it('turns a table injection into quoted text lines', () => {
    const quoted = markdownQuote('| a | b |\n|---|---|\n| 1 | 2 |');
    expect(quoted.split('\n').every((line) => line.startsWith('> \\|'))).toBe(true);
  });
});
