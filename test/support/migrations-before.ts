// A copy of a migrations folder whose journal stops just before the migration named `tag`: migrating
// with it makes a database as it was before that migration (for tests of migrating old databases).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export function migrationsBefore(source: string, folder: string, tag: string): string {
  cpSync(source, folder, { recursive: true });
  const journalFile = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const before = journal.entries.findIndex((e) => e.tag === tag);
  expect(before).toBeGreaterThan(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, before) }));
  return folder;
}

/** Stands for an evaluation stored before a migration: the store hands back what the judged event holds, whatever its shape. */
export const OLD_EVALUATION = { score: { scorer: 'offline', overall: 50, keyPoints: [], criteria: [], flags: [] }, offline: { scorer: 'offline', overall: 50 }, disagreement: false };
