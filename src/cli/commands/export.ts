// `probe export SESSION_ID --format pdf -o report.pdf`: a session's feedback report, rebuilt from
// the database (PROBE_DB_PATH, or PostgreSQL when DATABASE_URL is set), written to a file or stdout.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { REPORT_FORMATS, ReportFormatSchema, type ReportFormat } from '../../adapters/report/report-format.js';
import { describeDatabaseUrl, loadConfig, loadDotEnv } from '../../config.js';
import { SessionNotFound } from '../../errors.js';

interface ExportOptions {
  format?: ReportFormat;
  output?: string;
}

/** The format: --format, else the output file's extension, else Markdown. */
function formatOf(opts: ExportOptions): ReportFormat {
  if (opts.format) return opts.format;
  const ext = ReportFormatSchema.safeParse(path.extname(opts.output ?? '').slice(1).toLowerCase());
  return ext.success ? ext.data : 'md';
}

async function exportReport(sessionId: string, opts: ExportOptions): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const dbPath = config.PROBE_DB_PATH;
  const where = config.DATABASE_URL ? describeDatabaseUrl(config.DATABASE_URL) : dbPath;
  if (!config.DATABASE_URL && !existsSync(dbPath)) throw new Error(`no database at ${dbPath}; set PROBE_DB_PATH to the file the server uses`);
  const format = formatOf(opts);
  const toStdout = opts.output === undefined || opts.output === '-';
  if (toStdout && format === 'pdf' && process.stdout.isTTY) throw new Error('a PDF is binary; write it to a file with -o report.pdf (or pipe it)');
  // Loaded on use: the database, the report and the PDF library are heavy for every other command.
  const [{ createSqliteSessionStore }, { renderReport }, { sessionReport }] = await Promise.all([
    import('../../adapters/db/sqlite-session-store.js'),
    import('../../adapters/report/render-report.js'),
    import('../../server/session-report.js'),
  ]);
  const store = config.DATABASE_URL ? await (await import('../../adapters/db/pg-session-store.js')).createPgSessionStore(config.DATABASE_URL) : createSqliteSessionStore(dbPath);
  try {
    const { report, ended } = await sessionReport(store, sessionId, Date.now()).catch((error: unknown) => {
      if (error instanceof SessionNotFound) throw new Error(`no session with id "${sessionId}" in ${where}; check the id (the server logs it when a session is created)`);
      throw error;
    });
    if (!ended) process.stderr.write(`note: session ${sessionId} is still in progress; the report covers what happened so far\n`);
    const rendered = await renderReport(report, format);
    if (toStdout) {
      process.stdout.write(rendered.body);
    } else {
      await writeFile(opts.output as string, rendered.body);
      console.log(`wrote the ${format} report of session ${sessionId} to ${opts.output}`);
    }
  } finally {
    await store.close();
  }
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the feedback report of a session, read from the database at PROBE_DB_PATH')
    .argument('<session-id>', 'the session id')
    .addOption(new Option('-f, --format <format>', 'report format (default: from the -o extension, else md)').choices(REPORT_FORMATS))
    .option('-o, --output <file>', 'file to write; "-" or none writes to stdout')
    .addHelpText('after', '\nExample: probe export 3f2a... --format pdf -o report.pdf')
    .action(exportReport);
}
