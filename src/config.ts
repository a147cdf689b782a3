// Configuration: environment variables (and an optional .env), validated once at start-up.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { ConfigInvalid } from './errors.js';
import { defaultBankDir, defaultPromptsDir } from './paths.js';
import { parseTrustedProxies, type ProxyRule } from './server/profile-trusted-proxies.js';

const intIn = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` })
    .default(fallback);

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Headers a sign-in proxy must not be trusted to set for us: they carry something else. */
const RESERVED_HEADERS = new Set(['authorization', 'cookie', 'host', 'origin', 'content-type', 'content-length', 'connection', 'upgrade', 'forwarded', 'x-forwarded-for']);

const authHeader = optionalText.pipe(
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { error: 'must be an HTTP header name such as X-Forwarded-User (letters, digits and hyphens)' })
    .refine((h) => !RESERVED_HEADERS.has(h.toLowerCase()), { error: 'names a header that carries something else; use the header your sign-in proxy sets, e.g. X-Forwarded-User or Remote-User' })
    .transform((h) => h.toLowerCase())
    .optional(),
);

const trustedProxies = optionalText.transform((v, ctx): ProxyRule[] | undefined => {
  if (v === undefined) return undefined;
  const parsed = parseTrustedProxies(v);
  if (parsed.ok) return parsed.rules;
  ctx.addIssue({ code: 'custom', message: parsed.error });
  return z.NEVER;
});

/**
 * DATABASE_URL: a PostgreSQL URL (postgres:// or postgresql://) naming a database. A unix socket
 * folder goes in `?host=/path`. Checked here so a typo stops start-up with a message, not a
 * connection error later.
 */
const PG_URL_HINT = 'must be a PostgreSQL URL such as postgres://probe:secret@db.example:5432/probe (user, password, host, port, database name)';
const databaseUrl = optionalText.pipe(
  z
    .string()
    .optional()
    .refine((v) => v === undefined || validPgUrl(v), { error: PG_URL_HINT }),
);

function validPgUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return false;
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const hasHost = url.hostname !== '' || (url.searchParams.get('host') ?? '') !== '';
  return hasHost && database !== '' && !database.includes('/');
}
const HOST_NAME = /^\.?[a-z0-9_-]+(\.[a-z0-9_-]+)*$/i;
const HOST_LIST_ERROR = 'must be a comma-separated list of host names without scheme, port or path, such as probe.example.com,.example.org (a leading dot allows subdomains)';

/** Every variable Probe reads, with its default. The README documents each one. */
export const ConfigSchema = z.object({
  PORT: intIn(0, 65535, 8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  PROBE_DB_PATH: z.string().min(1).default('./data/probe.db'),
  /** PostgreSQL instead of the SQLite file (several nodes may share it); wins over PROBE_DB_PATH. */
  DATABASE_URL: databaseUrl,
  PROBE_BANK_DIR: z.string().min(1).default(defaultBankDir()),
  PROBE_PROMPTS_DIR: z.string().min(1).default(defaultPromptsDir()),
  PROBE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  }).default('info'),
  PROBE_ALLOWED_ORIGINS: optionalText.pipe(
    z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',').map((o) => o.trim()).filter(Boolean) : [])),
  ),
  PROBE_ALLOWED_HOSTS: optionalText.pipe(
    z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',').map((h) => h.trim()).filter(Boolean) : []))
      .refine((hosts) => hosts.every((h) => HOST_NAME.test(h)), { error: HOST_LIST_ERROR }),
  ),
  PROBE_SESSION_CREATE_PER_MIN: intIn(1, 100_000, 10),
  PROBE_SESSION_CREATE_BURST: intIn(1, 100_000, 30),
  PROBE_UNSTARTED_SESSION_TTL_MIN: intIn(1, 525_600, 60),
  PROBE_MAX_FRAME_BYTES: intIn(1024, 16 * 1024 * 1024, 64 * 1024),
  PROBE_MAX_ANSWER_CHARS: intIn(100, 200_000, 8000),
  PROBE_RATE_LIMIT_PER_SEC: intIn(1, 10_000, 10),
  PROBE_RATE_LIMIT_BURST: intIn(1, 10_000, 30),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:11434/v1' }).optional()),
  PROBE_MODEL: z.string().min(1).default('gpt-4o-mini'),
  PROBE_JUDGE_MODEL: optionalText,
  PROBE_LLM_TIMEOUT_MS: intIn(100, 600_000, 30_000),
  PROBE_LLM_MAX_RETRIES: intIn(0, 10, 2),
  PROBE_LLM_COOLDOWN_MS: intIn(0, 3_600_000, 30_000),
  PROBE_LLM_MAX_IN_FLIGHT: intIn(1, 100_000, 64),
  PROBE_LLM_MAX_QUEUE_MS: intIn(10, 600_000, 2_000),
  PROBE_OVERLOAD_LAG_MS: intIn(0, 600_000, 500),
  /** The header an authenticating reverse proxy sets to the signed-in user; unset = one local profile. */
  PROBE_AUTH_HEADER: authHeader,
  /** Which remote addresses may set PROBE_AUTH_HEADER (required with it). */
  PROBE_TRUSTED_PROXIES: trustedProxies,
}).superRefine((c, ctx) => {
  if (c.PROBE_AUTH_HEADER && !c.PROBE_TRUSTED_PROXIES) {
    ctx.addIssue({ code: 'custom', path: ['PROBE_TRUSTED_PROXIES'], message: 'must list the sign-in proxy addresses (e.g. 127.0.0.1 or 10.0.0.0/8) when PROBE_AUTH_HEADER is set; otherwise anyone could send the header' });
  }
  if (c.PROBE_TRUSTED_PROXIES && !c.PROBE_AUTH_HEADER) {
    ctx.addIssue({ code: 'custom', path: ['PROBE_AUTH_HEADER'], message: 'must name the header the proxy sets (e.g. X-Forwarded-User) when PROBE_TRUSTED_PROXIES is set' });
  }
});
export type Config = z.infer<typeof ConfigSchema>;

/** Reads `.env` (if present) without overriding real environment variables. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Validates the environment; throws ConfigInvalid naming each bad variable and what it accepts. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}=${shown(String(i.path[0]), env[String(i.path[0])])}: ${i.message}`);
  throw new ConfigInvalid(`invalid configuration:\n${lines.join('\n')}\nFix these environment variables (or .env) and start again.`);
}

/** A bad value as the error shows it: secrets (a key, a URL's password) are not echoed. */
function shown(key: string, value: string | undefined): string {
  if (key === 'OPENAI_API_KEY') return '"(hidden)"';
  if (key === 'DATABASE_URL') return JSON.stringify((value ?? '').replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@'));
  return JSON.stringify(value ?? '');
}

/** The database a URL names, for logs: the password is never shown. */
export function describeDatabaseUrl(value: string): string {
  try {
    const url = new URL(value);
    const host = url.hostname || url.searchParams.get('host') || 'localhost';
    return `postgres://${url.username ? `${decodeURIComponent(url.username)}@` : ''}${host}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

/** True when an OpenAI-compatible endpoint is configured (a key, a base URL, or both). */
export const llmConfigured = (config: Config): boolean => Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL);
