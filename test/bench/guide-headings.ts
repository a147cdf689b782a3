// `npm run bench:guide [-- --guide PATH]`: checks the heading list the bank tests use
// (test/fixtures/guide-headings.ts) against the guide itself, which lives outside the repository
// (default $PROBE_GUIDE_DIR or ../shared/guide, beside the clone; a folder of .txt files or one file). Exits 1 when a
// listed heading is not in the guide or is out of the guide's order; also lists the guide's other
// heading-like lines, to review by hand.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../src/paths.js';
import { GUIDE_HEADINGS } from '../fixtures/guide-headings.js';

function readGuide(target: string): string[] {
  const files = statSync(target).isDirectory()
    ? readdirSync(target).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(target, f))
    : [target];
  if (files.length === 0) throw new Error(`no .txt files in ${target}`);
  return files.flatMap((f) => readFileSync(f, 'utf8').split('\n')).map((l) => l.trim());
}

/** A short title-like line between blank lines: the guide's section headings look like this. */
const looksLikeHeading = (lines: string[], i: number): boolean => {
  const line = lines[i] ?? '';
  const words = line.split(/\s+/).length;
  return line !== '' && words >= 2 && words <= 10 && !/[.:?!,]$/.test(line) && !lines[i - 1] && !lines[i + 1];
};

function main(): number {
  const { values } = parseArgs({ options: { guide: { type: 'string', default: process.env.PROBE_GUIDE_DIR ?? path.resolve(packageRoot(), '../shared/guide') } } });
  const target = path.resolve(values.guide);
  let lines: string[];
  try {
    lines = readGuide(target);
  } catch (error) {
    console.error(`cannot read the guide at ${target}: ${(error as Error).message}\nPass its folder or file with --guide PATH.`);
    return 2;
  }
  const missing = GUIDE_HEADINGS.filter((h) => !lines.includes(h));
  const positions = GUIDE_HEADINGS.map((h) => lines.indexOf(h)).filter((i) => i >= 0);
  const outOfOrder = positions.some((p, i) => i > 0 && p < (positions[i - 1] ?? 0));
  const listed = new Set(GUIDE_HEADINGS);
  const others = lines.filter((l, i) => looksLikeHeading(lines, i) && !listed.has(l));
  console.log(`guide: ${target} (${lines.length} lines)`);
  console.log(`listed headings found: ${GUIDE_HEADINGS.length - missing.length} of ${GUIDE_HEADINGS.length}`);
  for (const h of missing) console.log(`  missing from the guide: "${h}"`);
  if (outOfOrder) console.log('  the list is not in the guide\'s order');
  console.log(`other heading-like lines (chapter titles and the like; add any that carries questions): ${others.length}`);
  for (const h of others) console.log(`  ${h}`);
  return missing.length > 0 || outOfOrder ? 1 : 0;
}

process.exitCode = main();
