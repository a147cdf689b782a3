// The one Markdown dialect Probe renders, for the reports and the web app alike: markdown-it with
// raw HTML, links, images and headings off, and math through KaTeX as MathML when the KaTeX plugin
// is given (the browser loads it only when a text holds math, to keep the first download small).
import MarkdownIt from 'markdown-it';

/** The shape of @vscode/markdown-it-katex's plugin. */
export type KatexPlugin = (md: MarkdownIt, options?: Record<string, unknown>) => MarkdownIt;

/**
 * The plugin function from however the CommonJS package (`exports.default = plugin`) arrives:
 * Node's static import, esbuild's static import or a dynamic import add different `default` layers.
 */
export function katexPluginOf(module: unknown): KatexPlugin {
  let found = module;
  for (let depth = 0; depth < 3 && typeof found !== 'function' && found !== null && typeof found === 'object'; depth += 1) found = (found as { default?: unknown }).default;
  if (typeof found !== 'function') throw new TypeError('@vscode/markdown-it-katex did not export a plugin function');
  return found as KatexPlugin;
}

/** KaTeX's `trust: false` refuses \href, \url and \html*; MathML output needs no fonts or stylesheet. */
const KATEX_OPTIONS = { throwOnError: false, output: 'mathml', trust: false, maxSize: 20, maxExpand: 200 };

/**
 * Raw HTML is escaped (html: false); links, autolinks and images stay text, so an answer can not
 * fetch or point anywhere; headings stay text so an answer can not restructure the report.
 */
export function createMarkdownParser(math?: KatexPlugin): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: false, breaks: true, typographer: false });
  md.disable(['link', 'image', 'autolink', 'heading', 'lheading', 'html_block', 'html_inline', 'reference']);
  if (math) md.use(math, KATEX_OPTIONS);
  return md;
}

/** True when a text may hold math ($...$, $$...$$): only then does the browser need KaTeX. */
export const mayHoldMath = (text: string): boolean => /\$[^$\s]|\$\$/.test(text);
