import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGroup } from '../support/process-group.js';

const BIN = path.resolve(import.meta.dirname, '../../src/cli/bin.js');
const probe = (...args: string[]) => runGroup(process.execPath, [BIN, ...args], { timeoutMs: 20_000 });

describe('probe bank', () => {
  it('validate: exit 0 and a summary for the real bank', async () => {
    const r = await probe('bank', 'validate');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok: \d+ questions in \d+ topics \(\d+ files\), version [0-9a-f]{12}\n$/);
  });

  it('validate: exit 1 and one line per problem for a broken bank', async () => {
    const r = await probe('bank', 'validate', path.resolve(import.meta.dirname, '../fixtures/bank-broken'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('broken.yaml: gan-one: follow_ups.1.target: names key point "missing-point", which this question does not have');
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^19 problem\(s\) in /);
  });

  it('validate: a folder with no YAML is a problem, not a pass', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'probe-bank-'));
    writeFileSync(path.join(dir, 'notes.txt'), 'nothing');
    const r = await probe('bank', 'validate', dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no .yaml files found');
  });

  it('list --topic filters, and an unknown topic exits 2 naming the known ones', async () => {
    const r = await probe('bank', 'list', '--topic', 'gans', '--json');
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { topic: string; prompt: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((q) => q.topic))).toEqual(new Set(['gans']));
    expect(JSON.stringify(rows)).not.toMatch(/reference|key_?points/i);
    const bad = await probe('bank', 'list', '--topic', 'quantum');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown topic "quantum"; topics: .*gans/);
  });

  it('--help for each subcommand, and an unknown command exits non-zero', async () => {
    for (const args of [['--help'], ['bank', '--help'], ['bank', 'validate', '--help'], ['bank', 'list', '--help']]) {
      const r = await probe(...args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: probe/);
    }
    const r = await probe('bank', 'frobnicate');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command|too many arguments/);
  });
});
