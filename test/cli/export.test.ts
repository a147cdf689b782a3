import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGroup } from '../support/process-group.js';
import { createSqliteSessionStore } from '../../src/adapters/db/sqlite-session-store.js';
import { ReportSchema } from '../../src/engine/report/report-schema.js';
import { cueJudge } from '../engine/report/cue-judge.js';
import { drill, llmWithFallback } from '../engine/report/scenarios.js';
import { realBank, Session } from '../engine/report/sessions.js';
import { storeSession } from '../server/stored-sessions.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

const BIN = path.resolve(import.meta.dirname, '../../src/cli/bin.js');
let dir: TempDir;

/** Runs `probe export` against the test database, from the temp folder (so no .env is picked up). */
const probeExport = (args: string[], db = dir.file('probe.db')) =>
  runGroup(process.execPath, [BIN, 'export', ...args], { cwd: dir.path, timeoutMs: 30_000, env: { ...process.env, PROBE_DB_PATH: db } });

beforeAll(async () => {
  dir = tempDir('probe-export-');
  const store = createSqliteSessionStore(dir.file('probe.db'));
  const bank = await realBank();
  await storeSession(store, llmWithFallback(bank), 'token');
  await storeSession(store, drill(bank), 'token');
  const running = new Session(drill(bank).plan, { judge: cueJudge }, 'running-1');
  running.start();
  running.answer('A plain autoencoder is deterministic and its latent space has holes.');
  await storeSession(store, running, 'token');
  await store.close();
});
afterAll(() => dir.remove());

describe('probe export', () => {
  it('writes a PDF to a file, with the chart data and scores pdftotext can read', async () => {
    const r = await probeExport(['llm-1', '--format', 'pdf', '-o', 'report.pdf']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('wrote the pdf report of session llm-1 to report.pdf\n');
    expect(readFileSync(dir.file('report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', [dir.file('report.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Overall score: 77/100 (solid)');
    expect(text).toContain('Score by topic (0-100)');
  });

  it('writes Markdown to stdout by default, and with -o -', async () => {
    for (const args of [['llm-1'], ['llm-1', '--format', 'md', '-o', '-']]) {
      const r = await probeExport(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^# Probe feedback report\n/);
      expect(r.stdout).toContain('## Overall: 77/100 (solid)');
    }
  });

  it('takes the format from the output extension when --format is left out', async () => {
    const r = await probeExport(['drill-1', '-o', 'drill.json']);
    expect(r.status).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(dir.file('drill.json'), 'utf8')));
    expect(report.overall.score).toBe(85);
    expect(report.drill?.probes.map((p) => p.probes)).toContain(2);
  });

  it('exports a running session with a note that it is unfinished', async () => {
    const r = await probeExport(['running-1', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('still in progress');
    expect(ReportSchema.parse(JSON.parse(r.stdout)).status).toBe('in-progress');
  });

  it('fails clearly for an unknown session', async () => {
    const r = await probeExport(['nope', '--format', 'md']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no session with id "nope" in .*probe\.db/);
  });

  it('refuses an unknown format, naming the accepted ones', async () => {
    const r = await probeExport(['llm-1', '--format', 'docx']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Allowed choices are md, html, pdf, json/);
  });

  it('says where it looked when there is no database, without creating one', async () => {
    const r = await probeExport(['llm-1'], dir.file('missing.db'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no database at .*missing\.db; set PROBE_DB_PATH/);
    expect(existsSync(dir.file('missing.db'))).toBe(false);
  });
});
