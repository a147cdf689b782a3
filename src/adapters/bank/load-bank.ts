// Reads the bank's YAML files from a folder and validates them as one bank (src/engine/bank).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { Bank } from '../../engine/bank/schema.js';
import { formatProblem, validateBank, type BankProblem, type ParsedBankFile } from '../../engine/bank/validate-bank.js';
import { BankInvalid } from '../../errors.js';
import { compactStrings } from '../compact-text.js';

export interface BankLoadResult {
  bank: Bank;
  problems: BankProblem[];
  files: string[];
}

/** Loads every `*.yaml`/`*.yml` file of `dir` (not recursive), reporting problems instead of throwing. */
export async function readBank(dir: string): Promise<BankLoadResult> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch (error) {
    throw new BankInvalid(`cannot read the bank folder ${dir}: ${(error as Error).message}`, { cause: error });
  }
  const hash = createHash('sha256');
  const parsed: ParsedBankFile[] = [];
  for (const name of names) {
    const text = await readFile(path.join(dir, name), 'utf8');
    hash.update(name).update('\0').update(text).update('\0');
    try {
      parsed.push({ file: name, data: parse(text, { prettyErrors: true, uniqueKeys: true }) });
    } catch (error) {
      parsed.push({ file: name, parseError: (error as Error).message.split('\n')[0] ?? 'unknown error' });
    }
  }
  const problems: BankProblem[] = names.length === 0 ? [{ file: dir, message: 'no .yaml files found' }] : [];
  const { bank, problems: found } = validateBank(parsed);
  // The bank's text is read for every prompt and every score: kept flat and one-byte (compact-text.ts).
  return { bank: { ...compactStrings(bank), version: hash.digest('hex').slice(0, 12) }, problems: [...problems, ...found], files: names };
}

/** Loads the bank and fails with every problem listed when it is not valid. */
export async function loadBank(dir: string): Promise<Bank> {
  const { bank, problems } = await readBank(dir);
  if (problems.length > 0) {
    const lines = problems.slice(0, 20).map(formatProblem);
    const more = problems.length > 20 ? `\n  ... and ${problems.length - 20} more` : '';
    throw new BankInvalid(`the question bank in ${dir} has ${problems.length} problem(s); run \`probe bank validate ${dir}\`:\n  ${lines.join('\n  ')}${more}`);
  }
  return bank;
}
