// `probe serve` (npm start): migrates the database, serves the web app, the API and the WebSocket,
// prints the URL, and shuts down gracefully on SIGTERM/SIGINT.
import { Command, InvalidArgumentError } from 'commander';
import { interviewerBanner } from '../../adapters/llm/llm-settings.js';
import { loadConfig, loadDotEnv } from '../../config.js';

const paceOption = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 5000) throw new InvalidArgumentError('expected milliseconds from 0 to 5000');
  return n;
};

/** Says what to do when the address cannot be had, instead of a bare EADDRINUSE. */
function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return new Error(`port ${port} on ${host} is already in use; stop the other server or set PORT to another port (PORT=0 picks a free one)`);
  if (code === 'EACCES') return new Error(`not allowed to listen on ${host}:${port}; use a port above 1023 (set PORT)`);
  if (code === 'EADDRNOTAVAIL') return new Error(`${host} is not an address of this machine; set HOST (127.0.0.1 for this machine only, 0.0.0.0 for all)`);
  return error;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the Probe server: web app, HTTP API and WebSocket (PORT, HOST, PROBE_DB_PATH...)')
    .option('--pace-ms <ms>', 'offline interviewer: stream each line word by word, this many ms per word', paceOption, 0)
    .action(async (opts: { paceMs: number }) => {
      loadDotEnv();
      const config = loadConfig();
      // Loaded here, not at the top, so `probe --help` and the other commands start fast.
      const { startProbe } = await import('../../main.js');
      const { services, server } = await startProbe(config, { paceMs: opts.paceMs }).catch((error: unknown) => {
        throw listenError(error, config.HOST, config.PORT);
      });
      // One write, so a reader of stdout sees both lines together.
      process.stdout.write(`Probe is listening on ${server.url}\n${interviewerBanner(config)}\n`);
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals) => {
          if (stopping) {
            services.log.warn({ signal }, 'second signal: exiting now');
            process.exit(1);
          }
          stopping = true;
          services.log.info({ signal }, 'shutting down');
          server
            .close()
            .catch((error: unknown) => services.log.error({ err: error }, 'shutdown failed'))
            .then(() => services.close())
            .finally(resolve);
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
    });
}
