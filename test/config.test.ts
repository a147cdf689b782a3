import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGroup } from './support/process-group.js';
import { describeDatabaseUrl, llmConfigured, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has working defaults for a fresh machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 8787, HOST: '127.0.0.1', PROBE_DB_PATH: './data/probe.db', PROBE_MAX_FRAME_BYTES: 65536, PROBE_ALLOWED_ORIGINS: [] });
    expect(llmConfigured(c)).toBe(false);
  });

  it('parses and trims values; blank optional values count as unset', () => {
    const c = loadConfig({ PORT: '9000', PROBE_ALLOWED_ORIGINS: 'http://a.test, http://b.test', OPENAI_API_KEY: '  ', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' });
    expect(c.PORT).toBe(9000);
    expect(c.PROBE_ALLOWED_ORIGINS).toEqual(['http://a.test', 'http://b.test']);
    expect(c.OPENAI_API_KEY).toBeUndefined();
    expect(llmConfigured(c)).toBe(true);
  });

  it('names every bad variable, its value, and what it accepts', () => {
    expect(() => loadConfig({ PORT: 'eighty', PROBE_LOG_LEVEL: 'loud', OPENAI_BASE_URL: 'localhost:11434', PROBE_LLM_MAX_RETRIES: '50' })).toThrowError(
      [
        'invalid configuration:',
        '  PORT="eighty": must be a whole number from 0 to 65535',
        '  PROBE_LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent',
        '  OPENAI_BASE_URL="localhost:11434": must be an http(s) URL such as http://127.0.0.1:11434/v1',
        '  PROBE_LLM_MAX_RETRIES="50": must be a whole number from 0 to 10',
        'Fix these environment variables (or .env) and start again.',
      ].join('\n'),
    );
  });

  it('stops `probe serve` before it listens, and reads .env from the working directory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'probe-env-'));
    writeFileSync(path.join(dir, '.env'), 'PORT=not-a-port\n');
    const bin = path.resolve(import.meta.dirname, '../src/cli/bin.js');
    const r = await runGroup(process.execPath, [bin, 'serve'], { cwd: dir, timeoutMs: 20_000, env: { ...process.env, PORT: undefined } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('PORT="not-a-port": must be a whole number from 0 to 65535');
    expect(r.stdout).not.toContain('listening');
  });

  it('accepts a PostgreSQL DATABASE_URL and refuses anything else without echoing its password', () => {
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: ' ' }).DATABASE_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://probe:pw@db.example:5432/probe' }).DATABASE_URL).toBe('postgres://probe:pw@db.example:5432/probe');
    expect(loadConfig({ DATABASE_URL: 'postgresql://probe@localhost/probe?host=/var/run/postgresql' }).DATABASE_URL).toMatch(/^postgresql:/);
    for (const bad of ['mysql://probe:pw@db/probe', 'postgres://probe:hunter2@db.example:5432', 'db.example/probe', 'postgres://db/a/b']) {
      let message = '';
      try {
        loadConfig({ DATABASE_URL: bad });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('DATABASE_URL=');
      expect(message).toContain('must be a PostgreSQL URL such as postgres://probe:secret@db.example:5432/probe');
      expect(message).not.toContain('hunter2');
    }
    expect(describeDatabaseUrl('postgres://probe:hunter2@db.example:5432/probe')).toBe('postgres://probe@db.example:5432/probe');
  });
});
