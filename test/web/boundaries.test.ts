// The browser code's boundaries: no Node modules, only the shared protocol (and the report's pure
// schema) from src/, and no innerHTML / outerHTML / insertAdjacentHTML / document.write anywhere,
// so candidate and LLM text can only ever become text nodes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = path.resolve(import.meta.dirname, '../../web');
/** The build script runs in Node; everything else runs in the browser. */
const NODE_ONLY = new Set(['build.ts']);
const ALLOWED_SRC = /^\.\.\/(?:\.\.\/)?src\/(?:protocol\/[\w-]+\.js|engine\/report\/report-schema\.js)$/;
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
      expect(outside.filter((spec) => !ALLOWED_SRC.test(spec))).toEqual([]);
      expect(text.match(RAW_HTML)?.[0] ?? null).toBeNull();
    });
  }
});
