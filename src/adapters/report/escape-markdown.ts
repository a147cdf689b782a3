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
