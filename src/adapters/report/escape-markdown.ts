// Markdown escaping for text the candidate or an LLM wrote, so it renders as the same plain text
// on GitHub (CommonMark + GFM) and never as markup, links, images, tables or HTML. No maintained
// escaper is among our dependencies, so this is a small, tested function.

/** ASCII punctuation that can start markup anywhere in a line (emphasis, links, HTML, tables, math, entities). */
const INLINE = /[\\`*_[\]<>|#~&$!@]/g;
/** A line that would open a list, an ordered list, a thematic break or a setext underline. */
const LINE_START = /^(\s*)([-+=](?=[-+=\s]|$)|\d{1,9}(?=[.)](?:\s|$)))/;
/** GFM links bare URLs ("https://", "www.") and e-mail addresses after parsing. */
const SCHEME = /\b([a-z][a-z0-9+.-]*):(?=\/\/)/gi;
const WWW = /\bwww\./gi;
/** A zero-width space after "@" breaks GFM's e-mail autolink, which no backslash escape prevents. */
const EMAIL_AT = /(?<=\S\\@)(?=\S)/g;
const ZWSP = '\u200b';

function escapeLine(line: string): string {
  const escaped = line
    .trim()
    .replace(INLINE, '\\$&')
    .replace(SCHEME, '$1\\:')
    .replace(WWW, 'www\\.')
    .replace(EMAIL_AT, ZWSP);
  return escaped.replace(LINE_START, (_, space: string, mark: string) => (/^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`));
}

/** Escapes text for one line of Markdown (a paragraph, list item, heading or table cell); newlines become spaces. */
export function escapeMarkdown(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' '));
}

/**
 * Escapes multi-line text as a Markdown block quote: each line escaped and prefixed with "> ",
 * line breaks kept (a trailing backslash is CommonMark's hard break) and blank lines kept as
 * paragraph breaks. Leading indentation is dropped so no line becomes code.
 */
export function markdownQuote(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  return lines
    .map((line, i) => {
      if (line.trim() === '') return '>';
      const next = lines[i + 1];
      const hardBreak = next !== undefined && next.trim() !== '' ? '\\' : '';
      return `> ${escapeLine(line)}${hardBreak}`;
    })
    .join('\n');
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
/** A line of only "-" or "=" would turn the line above into a heading (or draw a rule). */
const UNDERLINE = /^(\s*)([-=])(?=[-=\s]*$)/;

/** Outside code: raw HTML, images, links and bare URLs made inert; Markdown emphasis, lists and math kept. */
function neutraliseProse(segment: string): string {
  return segment
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/!\[/g, '!\\[')
    .replace(/\]\(/g, ']\\(')
    .replace(/\]\[/g, ']\\[')
    .replace(SCHEME, '$1\\:')
    .replace(WWW, 'www\\.');
}

/** One line outside fenced code: code spans (between backtick runs) stay as written, the rest neutralised. */
function answerLine(line: string): string {
  const parts = line.split(/(`+[^`]*`+)/);
  const body = parts.map((part, i) => (i % 2 === 1 ? part : neutraliseProse(part))).join('');
  return body.replace(/^(\s*)#/, '$1\\#').replace(UNDERLINE, '$1\\$2');
}

/**
 * An answer the candidate wrote in Markdown, as a block quote that renders its Markdown (emphasis,
 * lists, code, tables, math) but nothing that runs or fetches: raw HTML is escaped as text, links
 * and images stay text, and headings can not break the report's outline. Fenced code is kept as is.
 */
export function markdownAnswerQuote(text: string): string {
  let fence: string | null = null;
  const lines = text.replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '').split('\n');
  return lines
    .map((line) => {
      const open = FENCE.exec(line)?.[1];
      if (fence !== null) {
        if (open && open[0] === fence[0] && open.length >= fence.length) fence = null;
        return `> ${line}`;
      }
      if (open) {
        fence = open;
        return `> ${line}`;
      }
      return line.trim() === '' ? '>' : `> ${answerLine(line)}`;
    })
    .join('\n');
}

/** One line of Markdown someone else wrote (an interviewer's follow-up): emphasis and code kept, the rest inert. */
export function markdownInline(text: string): string {
  return answerLine(text.replace(/\s+/g, ' ').trim());
}
