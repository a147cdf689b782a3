// Candidate and interviewer text rendered as Markdown in the page. markdown-it (raw HTML off, no
// links or images) and KaTeX (MathML) make the markup, shared with the HTML report; DOMPurify then
// sanitises it into a fragment, so no untrusted string is ever assigned as HTML.
import DOMPurify from 'dompurify';
import { markdownToHtml } from '../src/adapters/report/markdown-render.js';

/** KaTeX's MathML keeps the TeX source in <annotation> inside <semantics>; both are inert. */
const FORBID_TAGS = ['style', 'form', 'input', 'button', 'img', 'a'];
const FORBID_ATTR = ['style', 'href', 'src'];

/** `text` as Markdown, as nodes to append: paragraphs, lists, code, tables, math. */
export function markdownFragment(text: string): DocumentFragment {
  return DOMPurify.sanitize(markdownToHtml(text), { RETURN_DOM_FRAGMENT: true, ADD_TAGS: ['semantics', 'annotation'], FORBID_TAGS, FORBID_ATTR });
}

/** A container element (div by default) holding `text` rendered as Markdown, with class "md". */
export function markdownBlock(text: string, className = ''): HTMLDivElement {
  const el = document.createElement('div');
  el.className = `md ${className}`.trim();
  el.append(markdownFragment(text));
  // markdown-it ends blocks with newlines; between block elements they are only noise in textContent.
  for (const node of [...el.childNodes]) if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim() === '') node.remove();
  return el;
}
