// The `probe` command: one commander program, one file per subcommand under commands/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { packageRoot } from '../paths.js';
import { registerBank } from './commands/bank.js';
import { registerExport } from './commands/export.js';
import { registerGrade } from './commands/grade.js';
import { registerInterview } from './commands/interview.js';
import { registerProfile } from './commands/profile.js';
import { registerProgress } from './commands/progress.js';
import { registerServe } from './commands/serve.js';

/** The version in package.json. */
export const probeVersion = (): string => (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;

/** Builds the program; exposed for tests that drive the CLI in-process. */
export function createProgram(): Command {
  const program = new Command('probe')
    .description('Probe: a mock interviewer for generative-AI roles.')
    .version(probeVersion(), '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerBank(program);
  registerExport(program);
  registerGrade(program);
  registerInterview(program);
  registerProfile(program);
  registerProgress(program);
  registerServe(program);
  return program;
}

/** Runs the CLI and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await createProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    console.error(error instanceof Error ? `error: ${error.message}` : error);
    return 1;
  }
}
