// Candidate and interviewer text rendered as Markdown in the page, in the reports' dialect
// (markdown-parser). DOMPurify sanitises the markup into a fragment, so no untrusted string is ever
// assigned as HTML. KaTeX (about 270 kB) loads only once a text holds math; until then such a block
// shows its TeX as written and is redrawn when KaTeX arrives.
import DOMPurify from 'dompurify';
import type MarkdownIt from 'markdown-it';
import { createMarkdownParser, katexPluginOf, mayHoldMath } from '../src/adapters/report/markdown-parser.js';

const FORBID_TAGS = ['style', 'form', 'input', 'button', 'img', 'a'];
const FORBID_ATTR = ['style', 'href', 'src'];

let parser: MarkdownIt = createMarkdownParser();
let math: 'absent' | 'loading' | 'ready' = 'absent';
/** Blocks drawn before KaTeX arrived, to redraw once it has. */
const waiting = new Set<{ el: HTMLElement; text: string }>();

function loadMath(): void {
  if (math !== 'absent') return;
  math = 'loading';
  import('@vscode/markdown-it-katex').then(
    (module) => {
      parser = createMarkdownParser(katexPluginOf(module));
      math = 'ready';
      for (const block of waiting) if (block.el.isConnected) fill(block.el, block.text);
      waiting.clear();
    },
    () => {
      // Offline or blocked: the TeX stays readable as written; a later text tries again.
      math = 'absent';
    },
  );
}

function fill(el: HTMLElement, text: string): void {
  const fragment = DOMPurify.sanitize(parser.render(text), { RETURN_DOM_FRAGMENT: true, ADD_TAGS: ['semantics', 'annotation'], FORBID_TAGS, FORBID_ATTR });
  el.replaceChildren(fragment);
  // markdown-it ends blocks with newlines; between block elements they are only noise in textContent.
  for (const node of [...el.childNodes]) if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim() === '') node.remove();
}

/** A container element holding `text` rendered as Markdown, with class "md". */
export function markdownBlock(text: string, className = ''): HTMLDivElement {
  const el = document.createElement('div');
  el.className = `md ${className}`.trim();
  fill(el, text);
  if (math !== 'ready' && mayHoldMath(text)) {
    waiting.add({ el, text });
    loadMath();
  }
  return el;
}
