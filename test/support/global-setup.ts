// vitest's global setup: a folder where every test worker registers the process groups it starts
// (see process-group.ts), swept after the run and on the runner's exit, so a worker that died
// before its own clean-up (killed, timed out) still leaves nothing running.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GROUPS_DIR_ENV, sweepGroups } from './process-group.js';

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'probe-test-groups-'));
  process.env[GROUPS_DIR_ENV] = dir;
  const sweep = () => {
    const swept = sweepGroups(dir);
    if (swept.length > 0) console.warn(`test clean-up: killed ${swept.length} process group(s) a test left running (${swept.join(', ')})`);
  };
  process.once('exit', () => {
    sweepGroups(dir);
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    sweep();
    rmSync(dir, { recursive: true, force: true });
  };
}
