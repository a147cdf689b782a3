// Structured logging with pino: one JSON object per line on stderr, so stdout stays for people.
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level: LevelWithSilent;
  /** A file descriptor or path; defaults to stderr. */
  destination?: number | string;
}

/** Creates the process logger. Writes are synchronous so the last lines before a crash are kept. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    { level: options.level, base: { app: 'probe' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: options.destination ?? 2, sync: true }),
  );
}

/** A logger that drops everything (tests, and code paths that must not log). */
export const silentLogger = (): Logger => pino({ level: 'silent' });
