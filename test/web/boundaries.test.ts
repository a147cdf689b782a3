// The browser code's boundaries: no Node modules, only the shared protocol and the report's pure
// modules from src/, and no innerHTML / outerHTML / insertAdjacentHTML / document.write anywhere,
// so candidate and LLM text become text nodes, or Markdown markup that only web/markdown.ts makes
// (markdown-it output passed through DOMPurify into a fragment).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(import.meta.dirname, '../../web');
/** The build script runs in Node; everything else runs in the browser. */
const NODE_ONLY = new Set(['build.ts']);
const ALLOWED_SRC = /^\.\.\/(?:\.\.\/)?src\/(?:protocol\/[\w-]+\.js|engine\/report\/(?:report-schema|answer-labels|score-colors)\.js)$/;
/** Markup from Markdown, and the sanitiser it must pass through, come in through web/markdown.ts alone. */
const MARKDOWN_ONLY = new Map([['markdown.ts', ['dompurify', 'markdown-it', '../src/adapters/report/markdown-parser.js']]]);
const RAW_HTML = /\.(?:innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('web/ stays browser code that renders text as text', () => {
  const sources = files(WEB).filter((f) => !NODE_ONLY.has(path.relative(WEB, f)));
  it('has files to check', () => expect(sources.length).toBeGreaterThan(10));
  for (const file of sources) {
    it(path.relative(WEB, file), () => {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
      const outside = imports.filter((spec) => !spec.startsWith('./') && !(spec.startsWith('../') && !spec.includes('src/')) && spec !== 'zod');
      const allowed = MARKDOWN_ONLY.get(path.relative(WEB, file)) ?? [];
      expect(outside.filter((spec) => !ALLOWED_SRC.test(spec) && !allowed.includes(spec))).toEqual([]);
      expect(text.match(RAW_HTML)?.[0] ?? null).toBeNull();
    });
  }
});
