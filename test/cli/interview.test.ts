// `probe interview` as a user runs it: typed (piped) answers over several lines, commands, the
// summary, and the session stored in the database so `probe export` rebuilds its report.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/engine/report/report-schema.js';
import { runGroup } from '../support/process-group.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

const BIN = path.resolve(import.meta.dirname, '../../src/cli/bin.js');
let dir: TempDir;
beforeAll(() => {
  dir = tempDir('probe-cli-interview-');
});
afterAll(() => dir.remove());

/** Runs the CLI from the temp folder (no .env is read) on the temp database, offline. */
const probe = (args: string[], input = '', db = dir.file('probe.db')) =>
  runGroup(process.execPath, [BIN, ...args], { input, cwd: dir.path, timeoutMs: 60_000, env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', PROBE_DB_PATH: db } });
const interview = (args: string[], input: string) => probe(['interview', ...args], input);
const sessionIdOf = (stdout: string) => /Saved as session ([0-9a-f-]{36})\./.exec(stdout)?.[1];

describe('probe interview (terminal, offline)', () => {
  it('runs a mock interview with multi-line answers, stores it, and prints the export command that works', async () => {
    const input = [
      'The generator maps random noise to samples;',
      'the discriminator classifies real versus fake, and they play a minimax game.',
      '',
      'The discriminator gives the generator its gradient signal.',
      '/send',
      'The latent space is continuous, so you can interpolate between points.',
      'It is regularised with a KL divergence to a standard normal prior.',
      '',
      'Nothing more to add.',
      '',
    ].join('\n');
    const r = await interview(['--mode', 'mock', '--topics', 'gans,vaes', '--questions', '2', '--follow-ups', '1', '--seed', 'cli-1'], input);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Answers can run over several lines: end one with a blank line \(or \/send\)\./);
    expect(r.stdout).toMatch(/Question 1 of 2\./);
    expect(r.stdout).toMatch(/Question 2 of 2\./);
    expect(r.stdout).toContain('=== Summary ===');
    expect(r.stdout).toMatch(/score \d+\/100 \(offline\)/);
    expect(r.stdout).toMatch(/Overall: \d+\/100 over 2 questions \(of 2 planned\); ended: completed/);
    // Mock mode shows no scores or key point feedback before the end.
    expect(r.stdout.split('=== Summary ===')[0]).not.toMatch(/Covered:|score \d+/);

    const id = sessionIdOf(r.stdout);
    expect(id).toBeDefined();
    const command = new RegExp(`\\n  PROBE_DB_PATH=\\S+ npx probe export ${id} --format pdf -o probe-report\\.pdf\\n$`);
    expect(r.stdout).toMatch(command);
    const exported = await probe(['export', id as string, '--format', 'json']);
    expect(exported.stderr).toBe('');
    const report = ReportSchema.parse(JSON.parse(exported.stdout));
    expect(report.status).toBe('completed');
    expect(report.questions).toHaveLength(2);
    // Each multi-line answer arrived whole: the first question's answer holds both of its lines.
    const firstAnswer = report.questions[0]?.exchanges[0]?.answer;
    expect(firstAnswer).toBe('The generator maps random noise to samples;\nthe discriminator classifies real versus fake, and they play a minimax game.');
  });

  it('same seed, same questions', async () => {
    const a = await interview(['--questions', '3', '--seed', 'same'], '/end\n');
    const b = await interview(['--questions', '3', '--seed', 'same'], '/end\n');
    const first = (s: string) => /Question 1 of 3\. (.*)/.exec(s)?.[1];
    expect(first(a.stdout)).toBeDefined();
    expect(first(a.stdout)).toBe(first(b.stdout));
  });

  it('drill: feedback after each answer, hints, skip, and /end with a summary in plain words', async () => {
    const r = await interview(['--mode', 'drill', '--topics', 'vaes', '--questions', '3', '--follow-ups', '1', '--seed', 'cli-2'], ['/hint', 'It has an encoder and a decoder.', '', '/retry', 'It learns a distribution over the latent space.', '/skip', '/end', ''].join('\n'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Hint: Here's a nudge:");
    expect(r.stdout).toMatch(/Covered: /);
    expect(r.stdout).toMatch(/Missed: {2}/);
    expect(r.stdout).toContain("Let's take it from the top.");
    expect(r.stdout).toContain('(Skipped.)');
    expect(r.stdout).toMatch(/ended: ended-early/);
    const summary = r.stdout.split('=== Summary ===')[1] ?? '';
    expect(summary).not.toMatch(/\bactive\b|\bpending\b|question\(s\)/);
  });

  it('counts only the questions that count, with the right plural', async () => {
    const one = await interview(['--questions', '3', '--seed', 'x'], 'A short first answer about the model.\n\n/end\n');
    expect(one.stdout).toMatch(/Overall: \d+\/100 over 1 question \(of 3 planned\); ended: ended-early/);
    const none = await interview(['--questions', '2', '--seed', 'x'], '/end\n');
    expect(none.stdout).toMatch(/Overall: no question counted \(of 2 questions planned\); ended: ended-early/);
    expect(none.stdout).toMatch(/not reached|not answered/);
  });

  it('refuses a hint in mock mode without ending the interview', async () => {
    const r = await interview(['--questions', '1', '--seed', 'x'], '/hint\n/end\n');
    expect(r.stdout).toContain('(hints are part of drill mode');
    expect(r.stdout).toContain('=== Summary ===');
  });

  it('ends early with a summary when input runs out, sending the unfinished answer', async () => {
    const r = await interview(['--questions', '2', '--seed', 'x'], 'A short first answer about the model.');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/over 1 question .*ended: ended-early/);
  });

  it('rejects bad flags with a message that says what is accepted', async () => {
    const bad = await interview(['--questions', '99'], '');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('expected a whole number from 1 to 30');
    const mode = await interview(['--mode', 'exam'], '');
    expect(mode.status).toBe(2);
    expect(mode.stderr).toMatch(/mode: Invalid option: expected one of "mock"\|"drill"/);
    const topic = await interview(['--topics', 'astrology'], '');
    expect(topic.status).toBe(2);
    expect(topic.stderr).toMatch(/unknown topic\(s\): astrology/);
  });

  it('prints the version from package.json', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    for (const flag of ['--version', '-V']) {
      const r = await probe([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });
});
