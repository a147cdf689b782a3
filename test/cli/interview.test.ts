import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGroup } from '../support/process-group.js';

const BIN = path.resolve(import.meta.dirname, '../../src/cli/bin.js');
const interview = (args: string[], input: string) =>
  runGroup(process.execPath, [BIN, 'interview', ...args], { input, timeoutMs: 30_000, env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' } });

describe('probe interview (terminal, offline)', () => {
  it('runs a whole mock interview from typed answers to a summary', async () => {
    const answers = [
      'The generator maps random noise to samples and the discriminator classifies real versus fake; they play a minimax game.',
      'I would say the discriminator gives the generator its gradient signal.',
      'Not sure beyond that.',
      'The latent space is continuous so you can interpolate between points.',
      'It regularises the encoder with a KL divergence to a standard normal prior.',
      'Nothing more to add.',
    ];
    const r = await interview(['--mode', 'mock', '--topics', 'gans,vaes', '--questions', '2', '--follow-ups', '1', '--seed', 'cli-1'], `${answers.join('\n')}\n`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Question 1 of 2\./);
    expect(r.stdout).toMatch(/Question 2 of 2\./);
    expect(r.stdout).toContain('=== Summary ===');
    expect(r.stdout).toMatch(/score \d+\/100 \(offline\)/);
    expect(r.stdout).toMatch(/Overall: \d+\/100 over 2 question\(s\); ended: completed/);
    // Mock mode shows no scores or key point feedback before the end.
    const beforeSummary = r.stdout.split('=== Summary ===')[0] ?? '';
    expect(beforeSummary).not.toMatch(/Covered:|score \d+/);
  });

  it('same seed, same questions', async () => {
    const a = await interview(['--questions', '3', '--seed', 'same'], '/end\n');
    const b = await interview(['--questions', '3', '--seed', 'same'], '/end\n');
    const first = (s: string) => /Question 1 of 3\. (.*)/.exec(s)?.[1];
    expect(first(a.stdout)).toBeDefined();
    expect(first(a.stdout)).toBe(first(b.stdout));
  });

  it('drill: feedback after each answer, hints, skip, and /end with a summary', async () => {
    const r = await interview(['--mode', 'drill', '--topics', 'vaes', '--questions', '3', '--follow-ups', '1', '--seed', 'cli-2'], ['/hint', 'It has an encoder and a decoder.', '/retry', 'It learns a distribution over the latent space.', '/skip', '/end', ''].join('\n'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Hint: Here's a nudge:");
    expect(r.stdout).toMatch(/Covered: /);
    expect(r.stdout).toMatch(/Missed: {2}/);
    expect(r.stdout).toContain("Let's take it from the top.");
    expect(r.stdout).toContain('(Skipped.)');
    expect(r.stdout).toMatch(/ended: ended-early/);
  });

  it('refuses a hint in mock mode without ending the interview', async () => {
    const r = await interview(['--questions', '1', '--seed', 'x'], '/hint\n/end\n');
    expect(r.stdout).toContain('(hints are part of drill mode');
    expect(r.stdout).toContain('=== Summary ===');
  });

  it('ends early with a summary when input runs out', async () => {
    const r = await interview(['--questions', '2', '--seed', 'x'], 'A short first answer about the model.\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ended: ended-early/);
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
});
