// `probe interview` on a real terminal (a pseudo-terminal from util-linux `script`): a pasted
// two-paragraph answer arrives as one chunk, blank line included, and stays one answer.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ReportSchema } from '../../src/engine/report/report-schema.js';
import { runGroup, spawnGroup } from '../support/process-group.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

const BIN = path.resolve(import.meta.dirname, '../../src/cli/bin.js');
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let dir: TempDir;
beforeAll(() => {
  dir = tempDir('probe-cli-tty-');
});
afterAll(() => dir.remove());

describe.skipIf(!hasScript && process.env.CI !== 'true')('probe interview on a terminal', () => {
  it('keeps a pasted multi-paragraph answer as one answer', { timeout: 60_000 }, async () => {
    const env = { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', PROBE_DB_PATH: dir.file('probe.db'), TERM: 'dumb' };
    const command = `${process.execPath} ${BIN} interview --questions 1 --follow-ups 0 --seed tty`;
    const run = spawnGroup('script', ['-qfec', command, '/dev/null'], { cwd: dir.path, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    run.child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    try {
      await vi.waitFor(() => expect(out).toMatch(/Question 1 of 1\./), { timeout: 30_000, interval: 100 });
      // One write, as a terminal delivers a paste: two paragraphs with a blank line between them.
      run.child.stdin?.write('First paragraph of my answer.\r\rSecond paragraph, same answer.\r');
      await new Promise((r) => setTimeout(r, 1000));
      run.child.stdin?.write('\r');
      await vi.waitFor(() => expect(out).toMatch(/Saved as session/), { timeout: 30_000, interval: 100 });
      await run.exited;
    } finally {
      await run.stop('SIGKILL');
    }
    const id = /Saved as session ([0-9a-f-]{36})\./.exec(out)?.[1] as string;
    const exported = await runGroup(process.execPath, [BIN, 'export', id, '--format', 'json'], { cwd: dir.path, env });
    const report = ReportSchema.parse(JSON.parse(exported.stdout));
    expect(report.questions[0]?.exchanges.map((e) => e.answer)).toEqual(['First paragraph of my answer.\n\nSecond paragraph, same answer.']);
  });
});
