// `probe grade`: scores answers offline in batch. JSON Lines in (stdin or --input), one JSON
// line out per input line, in order; a malformed line gets an error line, not a crash.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { CommanderError, type Command } from 'commander';
import { loadBank } from '../../adapters/bank/load-bank.js';
import { offlineEvaluation } from '../../engine/interviewer/offline-interviewer.js';
import { scoreOffline } from '../../engine/scoring/offline-scorer.js';
import { defaultBankDir } from '../../paths.js';
import { needsBank, toOutput, toRequest, type GradeBank } from '../grade-line.js';
import { readJsonLines, writeJsonLine } from '../jsonl.js';

const HELP = `
Input: JSON Lines (stdin, or --input FILE), one object per line, either
  a bank question, graded exactly as the interview grades it (its reference, key points and
  rubric: a behavioral question is scored on STAR):
  {"id": "a1", "question_id": "gan-conditional-gans", "answer": "..."}
  or your own question:
  {"id": "a1", "question": "...", "reference": "..." | ["...", "..."], "answer": "...",
   "rubric": "technical" | "behavioral" | <rubric id of the bank>,
   "key_points": [{"id": "slug", "statement": "...", "weight": 0.5, "cues": ["...", "..."]}]}
  "id" is optional and echoed back. "rubric" defaults to "technical". "key_points" is optional
  (the bank's key point shape, weights summing to 1); without it, key points are derived from the
  reference, one per sentence. With several references the answer is graded against the
  best-matching one. "question_id" cannot be combined with question, reference, key_points or
  rubric. \`probe bank list\` shows the question ids. Blank lines are skipped.

Output: one JSON line per input line, in order:
  {"id": "a1", "score": 0.734, "overall": 73.4, "covered": [ids], "partly": [ids],
   "missed": [ids], "contradicted": [ids], "flags": [...], "keyPoints": [...], "criteria": [...]}
  plus "question_id" and "rubric" when the line used them. score is overall / 100.
  A malformed line gives {"line": N, "error": "..."} instead.

Exit status: 0 when every line was graded, 1 when any line had an error, 2 for usage errors
(unknown option, unreadable --input file).

Example:
  echo '{"question":"What is mode collapse?","reference":"The generator covers only a few modes.","answer":"It makes only a few kinds of samples."}' | probe grade
  echo '{"question_id":"car-production-incident","answer":"Last spring our summariser..."}' | probe grade`;

interface GradeOptions {
  input?: string;
  bank: string;
}

export function registerGrade(program: Command): void {
  program
    .command('grade')
    .description('score answers offline from JSON Lines (stdin or --input), one JSON result line per input line')
    .option('-i, --input <file>', 'read JSON Lines from this file instead of stdin')
    .option('-b, --bank <dir>', 'question bank folder for "question_id" and "rubric" lines', defaultBankDir())
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
      process.exitCode = (await gradeStream(input, process.stdout, { bankDir: opts.bank })) > 0 ? 1 : 0;
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

export interface GradeStreamOptions {
  /** The bank folder, loaded the first time a line names a question or a rubric. */
  bankDir?: string;
}

/** Grades every line of `input` onto `output`; resolves to the number of lines with errors. */
export async function gradeStream(input: Readable, output: Writable, options: GradeStreamOptions = {}): Promise<number> {
  let errors = 0;
  const bank = lazyBank(options.bankDir ?? defaultBankDir());
  for await (const item of readJsonLines(input)) {
    if ('error' in item) {
      errors += 1;
      await writeJsonLine(output, { line: item.line, error: item.error });
      continue;
    }
    const lookup = needsBank(item.value) ? await bank() : undefined;
    const parsed = typeof lookup === 'string' ? { error: lookup } : toRequest(item.value, lookup);
    if ('error' in parsed) {
      errors += 1;
      await writeJsonLine(output, { line: item.line, ...(parsed.id === undefined ? {} : { id: parsed.id }), error: parsed.error });
      continue;
    }
    const { request, question } = parsed;
    const used = { ...(question ? { questionId: question.id } : {}), ...(lookup ? { rubric: request.rubric?.id ?? 'technical' } : {}) };
    // A bank question goes through the interview's own offline judge (grader-addressed text screened).
    const score = question ? offlineEvaluation({ question, answer: request.answer }).score : scoreOffline(request);
    await writeJsonLine(output, toOutput(score, parsed.id, used));
  }
  return errors;
}

// The bank is read once, and only if some line needs it; a bank that fails to load becomes an error
// on each line that needed it (the message says what to fix), never a crash.
function lazyBank(dir: string): () => Promise<GradeBank | string> {
  let loaded: Promise<GradeBank | string> | undefined;
  return () =>
    (loaded ??= loadBank(dir).then(
      (b): GradeBank => {
        const questions = new Map(b.questions.map((q) => [q.id, q]));
        const rubrics = new Map(b.rubrics.map((r) => [r.id, r]));
        return { question: (id) => questions.get(id), rubric: (id) => rubrics.get(id), rubricIds: () => [...rubrics.keys()] };
      },
      (error: unknown) => `cannot use the question bank in ${dir} (needed for "question_id" and "rubric"): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}; pass --bank DIR`,
    ));
}
