// `probe grade`: scores answers offline in batch. JSON Lines in (stdin or --input), one JSON
// line out per input line, in order; a malformed line gets an error line, not a crash.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { CommanderError, type Command } from 'commander';
import { scoreOffline } from '../../engine/scoring/offline-scorer.js';
import { toOutput, toRequest } from '../grade-line.js';
import { readJsonLines, writeJsonLine } from '../jsonl.js';

const HELP = `
Input: JSON Lines (stdin, or --input FILE), one object per line:
  {"id": "a1", "question": "...", "reference": "..." | ["...", "..."], "answer": "...",
   "key_points": [{"id": "slug", "statement": "...", "weight": 0.5, "cues": ["...", "..."]}]}
  "id" is optional and echoed back. "key_points" is optional (the bank's key point shape,
  weights summing to 1); without it, key points are derived from the reference, one per
  sentence. With several references the answer is graded against the best-matching one.
  Blank lines are skipped.

Output: one JSON line per input line, in order:
  {"id": "a1", "score": 0.734, "overall": 73.4, "covered": [ids], "partly": [ids],
   "missed": [ids], "flags": [...], "keyPoints": [...], "criteria": [...]}
  score is overall / 100. A malformed line gives {"line": N, "error": "..."} instead.

Exit status: 0 when every line was graded, 1 when any line had an error, 2 for usage errors
(unknown option, unreadable --input file).

Example:
  echo '{"question":"What is mode collapse?","reference":"The generator covers only a few modes.","answer":"It makes only a few kinds of samples."}' | probe grade`;

interface GradeOptions {
  input?: string;
}

export function registerGrade(program: Command): void {
  program
    .command('grade')
    .description('score answers offline from JSON Lines (stdin or --input), one JSON result line per input line')
    .option('-i, --input <file>', 'read JSON Lines from this file instead of stdin')
    .addHelpText('after', HELP)
    .exitOverride((error) => {
      // Usage errors exit 2; 1 is reserved for "some line could not be graded".
      throw error.exitCode === 0 ? error : new CommanderError(2, error.code, error.message);
    })
    .action(async (opts: GradeOptions) => {
      const input = await openInput(opts.input);
      if (!input) {
        process.exitCode = 2;
        return;
      }
      process.exitCode = (await gradeStream(input, process.stdout)) > 0 ? 1 : 0;
    });
}

async function openInput(file: string | undefined): Promise<Readable | undefined> {
  if (file === undefined || file === '-') return process.stdin;
  try {
    await access(file);
    return createReadStream(file, { encoding: 'utf8' });
  } catch {
    console.error(`error: cannot read --input ${file}; give a readable JSON Lines file, or pipe the lines to stdin`);
    return undefined;
  }
}

/** Grades every line of `input` onto `output`; resolves to the number of lines with errors. */
export async function gradeStream(input: Readable, output: Writable): Promise<number> {
  let errors = 0;
  for await (const item of readJsonLines(input)) {
    if ('error' in item) {
      errors += 1;
      await writeJsonLine(output, { line: item.line, error: item.error });
      continue;
    }
    const parsed = toRequest(item.value);
    if ('error' in parsed) {
      errors += 1;
      await writeJsonLine(output, { line: item.line, ...(parsed.id === undefined ? {} : { id: parsed.id }), error: parsed.error });
      continue;
    }
    await writeJsonLine(output, toOutput(scoreOffline(parsed.request), parsed.id));
  }
  return errors;
}
