// `probe progress`, `probe profile export|delete` and `probe session delete` against a real
// database with stored sessions; deletion checked in the database.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteSessionStore } from '../../src/adapters/db/sqlite-session-store.js';
import { drill, offlineMock } from '../engine/report/scenarios.js';
import { realBank } from '../engine/report/sessions.js';
import { storeSession } from '../server/stored-sessions.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

const BIN = path.resolve(import.meta.dirname, '../../src/cli/bin.js');
let dir: TempDir;

const probe = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: dir.path, encoding: 'utf8', timeout: 30_000, env: { ...process.env, PROBE_DB_PATH: dir.file('probe.db') }, input: '' });

const count = (sql: string): number => {
  const db = new Database(dir.file('probe.db'), { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  dir = tempDir('probe-progress-cli-');
  const store = createSqliteSessionStore(dir.file('probe.db'));
  const bank = await realBank();
  // Stored before any profile exists: the local profile adopts them, as the server does on this machine.
  await storeSession(store, offlineMock(bank), 'token');
  await storeSession(store, drill(bank), 'token');
  await store.close();
});
afterAll(() => dir.remove());

describe('probe progress and your data', () => {
  it('shows time, topics with mastery and trend, the key point map and what is due', () => {
    const r = probe(['progress']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Progress of local\n\n2 sessions on 1 day, \d+ answers judged/);
    expect(r.stdout).toMatch(/Topics \(mastery, score per session\):\n {2}\S/);
    expect(r.stdout).toMatch(/Key points \(● covered, ◐ partly, ○ missed, ✗ contradicted\):/);
    expect(r.stdout).toContain('Due to practise:');
  });

  it('writes the progress report in a chosen format', () => {
    const r = probe(['progress', '--format', 'md']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# Probe progress report\n/);
    expect(probe(['progress', '--format', 'docx']).stderr).toMatch(/Allowed choices are md, html, pdf, json/);
  });

  it('interview --due drills the key points that are due, and says which', () => {
    const r = spawnSync(process.execPath, [BIN, 'interview', '--due', '--offline', '-n', '1'], {
      cwd: dir.path,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, PROBE_DB_PATH: dir.file('probe.db'), OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
      input: '/end\n',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // The stored sessions are from 2025: every key point is due; the weakest (missed) come first.
    const [, listed = ''] = /Practising your weak spots:\n((?: {2}- .+\n)+)/.exec(r.stdout) ?? [];
    expect(listed.split('\n').filter(Boolean).length).toBeGreaterThan(0);
    const progress = probe(['progress', '--format', 'json']);
    const data = JSON.parse(progress.stdout) as { keyPoints: { statement: string; status: string }[] };
    const first = listed.split('\n')[0]?.replace(/^ {2}- /, '');
    expect(data.keyPoints.find((k) => k.statement === first)?.status).not.toBe('covered');
  });

  it('exports everything as JSON', () => {
    const r = probe(['profile', 'export']);
    expect(r.status).toBe(0);
    const body = JSON.parse(r.stdout) as { sessions: { id: string; mode: string; plan: { focus?: Record<string, string[]> }; events: unknown[] }[] };
    expect(body.sessions.map((s) => s.id)).toEqual(expect.arrayContaining(['drill-1', 'offline-mock']));
    // The terminal's --due drill was stored in the local profile, with the key points it aimed at.
    const due = body.sessions.find((s) => !['drill-1', 'offline-mock'].includes(s.id));
    expect(due?.mode).toBe('drill');
    expect(Object.values(due?.plan.focus ?? {}).flat().length).toBeGreaterThan(0);
  });

  it('deletes a session only when asked to, and its rows are gone', () => {
    const refused = probe(['session', 'delete', 'drill-1']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/nothing deleted; pass --yes/);
    expect(count("select count(*) as n from sessions where id = 'drill-1'")).toBe(1);
    const r = probe(['session', 'delete', 'drill-1', '--yes']);
    expect(r.stdout).toMatch(/^deleted session drill-1: 1 session\(s\), \d+ events/);
    for (const t of ['events', 'turns', 'evaluations', 'session_plans']) expect(count(`select count(*) as n from ${t} where session_id = 'drill-1'`)).toBe(0);
    expect(probe(['session', 'delete', 'drill-1', '--yes']).stderr).toMatch(/no session "drill-1" in the profile "local"/);
  });

  it('deletes the whole profile with --yes: no profile, session, event, turn or evaluation row is left', () => {
    const r = probe(['profile', 'delete', '--yes']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^deleted the profile "local": 2 session\(s\)/);
    for (const t of ['profiles', 'sessions', 'session_plans', 'events', 'turns', 'evaluations']) expect(count(`select count(*) as n from ${t}`)).toBe(0);
    expect(probe(['progress', '--profile', 'someone@example.com']).stderr).toMatch(/no profile "someone@example.com"/);
  });
});
