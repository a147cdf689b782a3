// Candidate and interviewer text written in Markdown, rendered safely for the reports: the dialect
// of markdown-parser (raw HTML, links and images off) with math through KaTeX as MathML. The output
// holds only markup markdown-it and KaTeX generate.
import katexModule from '@vscode/markdown-it-katex';
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { createMarkdownParser, katexPluginOf } from './markdown-parser.js';

const createParser = (): MarkdownIt => createMarkdownParser(katexPluginOf(katexModule));

let parser: MarkdownIt | undefined;
const md = (): MarkdownIt => (parser ??= createParser());

/** Markdown to an HTML fragment (block level: paragraphs, lists, code, tables, math). */
export function markdownToHtml(text: string): string {
  return md().render(text);
}

/** Markdown of one line (an interviewer's question) to inline HTML: emphasis, code and math, no blocks. */
export function markdownInlineToHtml(text: string): string {
  return md().renderInline(text.replace(/\s+/g, ' ').trim());
}

/** Markdown as one line of plain text (for the PDF's lead-ins): markers dropped, code and TeX kept. */
export function markdownToPlainLine(text: string): string {
  return markdownToBlocks(text).map((b) => (b.marker ? `${b.marker} ${b.text}` : b.text)).join(' ');
}

/** One block of an answer for a plain-text medium (the PDF): prose, a list item or code. */
export interface TextBlock {
  kind: 'text' | 'item' | 'code';
  text: string;
  /** List nesting depth (0 outside lists). */
  depth: number;
  /** "-" or "3." for list items. */
  marker?: string;
}

/** Inline tokens as plain text: markers dropped, code and TeX kept as written. */
function inlineText(tokens: Token[]): string {
  return tokens
    .map((t) => (t.type === 'softbreak' ? ' ' : t.type === 'hardbreak' ? '\n' : t.type === 'math_inline' ? `$${t.content}$` : t.type === 'text' || t.type === 'code_inline' ? t.content : ''))
    .join('');
}

/** Markdown as plain blocks, for media without markup: emphasis markers and backticks go, structure stays. */
export function markdownToBlocks(text: string): TextBlock[] {
  const tokens = md().parse(text, {});
  const out: TextBlock[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let marker: string | undefined;
  for (const t of tokens) {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) });
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') lists.pop();
    else if (t.type === 'list_item_open') {
      const list = lists[lists.length - 1];
      marker = list?.ordered ? `${list.n++}.` : '-';
    } else if (t.type === 'fence' || t.type === 'code_block') out.push({ kind: 'code', text: t.content.replace(/\n$/, ''), depth: lists.length });
    else if (t.type === 'math_block') out.push({ kind: 'code', text: t.content.trim(), depth: lists.length });
    else if (t.type === 'inline') {
      const kind = marker ? 'item' : 'text';
      out.push({ kind, text: inlineText(t.children ?? []), depth: lists.length, ...(marker ? { marker } : {}) });
      marker = undefined;
    }
  }
  return out;
}
