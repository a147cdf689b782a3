// JSON Lines in and out, streamed: one line in memory at a time, and writes that wait for the
// output to drain, so a 100k-line file runs in flat memory.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** One non-blank input line: its 1-based number and the parsed value, or why it did not parse. */
export type JsonLine = { line: number; value: unknown } | { line: number; error: string };

/** Yields each non-blank line of `input` parsed as JSON; blank lines are skipped but counted. */
export async function* readJsonLines(input: Readable): AsyncGenerator<JsonLine> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) as unknown };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      yield { line, error: `not valid JSON (${detail}); each line must be one JSON object` };
    }
  }
}

/** Writes `value` as one JSON line, waiting for `output` to drain when its buffer is full. */
export async function writeJsonLine(output: Writable, value: unknown): Promise<void> {
  if (output.write(`${JSON.stringify(value)}\n`)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error): void => {
      output.off('drain', done);
      output.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    output.once('drain', done);
    output.once('error', done);
  });
}
