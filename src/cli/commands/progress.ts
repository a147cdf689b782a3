// `probe progress`: mastery, trend, time practised and what is due, from the database at
// PROBE_DB_PATH; or, with --format, the progress report as a file.
import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { REPORT_FORMATS, type ReportFormat } from '../../adapters/report/report-format.js';
import { openCliProfile } from '../cli-profile.js';
import { progressText } from '../progress-text.js';

interface ProgressOptions {
  format?: ReportFormat;
  output?: string;
  profile?: string;
}

async function showProgress(opts: ProgressOptions): Promise<void> {
  if (opts.format === 'pdf' && (opts.output === undefined || opts.output === '-') && process.stdout.isTTY) throw new Error('a PDF is binary; write it to a file with -o progress.pdf (or pipe it)');
  const cli = await openCliProfile(opts.profile);
  try {
    const [{ loadBank }, { profileProgress }] = await Promise.all([import('../../adapters/bank/load-bank.js'), import('../../server/profile-progress.js')]);
    const { loadConfig } = await import('../../config.js');
    const bank = await loadBank(loadConfig().PROBE_BANK_DIR);
    const progress = await profileProgress(cli.profiles, cli.profile.id, bank, Date.now());
    if (!opts.format) {
      process.stdout.write(progressText(progress, cli.profile.subject));
      return;
    }
    const { renderProgressReport } = await import('../../adapters/report/progress-report.js');
    const rendered = await renderProgressReport(progress, cli.profile.subject, opts.format);
    if (opts.output === undefined || opts.output === '-') process.stdout.write(rendered.body);
    else {
      await writeFile(opts.output, rendered.body);
      console.log(`wrote the ${opts.format} progress report to ${opts.output}`);
    }
  } finally {
    await cli.close();
  }
}

export function registerProgress(program: Command): void {
  program
    .command('progress')
    .description('show mastery per topic and key point, the score trend, time practised and what is due (database at PROBE_DB_PATH)')
    .addOption(new Option('-f, --format <format>', 'write the progress report in this format instead').choices(REPORT_FORMATS))
    .option('-o, --output <file>', 'file for the report; "-" or none writes to stdout')
    .option('--profile <name>', 'a signed-in user\'s profile (default: this machine\'s local profile)')
    .addHelpText('after', '\nExamples:\n  probe progress\n  probe progress --format html -o progress.html')
    .action(showProgress);
}
