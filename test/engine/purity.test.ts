// The engine is the functional core: it must not import I/O, network, database or web framework code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = path.resolve(import.meta.dirname, '../../src/engine');
const FORBIDDEN = /from\s+['"](node:[^'"]*|fs|path|os|child_process|http|https|net|crypto|openai|@langchain\/[^'"]*|drizzle-orm[^'"]*|better-sqlite3|hono[^'"]*|@hono\/[^'"]*|ws|yaml|pino)['"]/;
const FORBIDDEN_GLOBALS = /\b(Date\.now|new Date\(|Math\.random|process\.(?:env|argv|exit|cwd|stdout|stderr|hrtime)|setTimeout|setInterval|fetch\()/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('src/engine stays pure', () => {
  const sources = files(ENGINE);
  it('has files to check', () => expect(sources.length).toBeGreaterThan(10));
  for (const file of sources) {
    it(path.relative(ENGINE, file), () => {
      const text = readFileSync(file, 'utf8');
      expect(text.match(FORBIDDEN)?.[0] ?? null).toBeNull();
      expect(text.match(FORBIDDEN_GLOBALS)?.[0] ?? null).toBeNull();
    });
  }
});
