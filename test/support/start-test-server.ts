// Starts a real Probe server on 127.0.0.1, port 0, on a temporary database, for tests. Offline
// interviewer and judge unless the test passes its own (a scripted LLM behind the ports).
import { loadBank } from '../../src/adapters/bank/load-bank.js';
import { silentLogger, type Logger } from '../../src/adapters/log.js';
import { loadConfig } from '../../src/config.js';
import type { Bank } from '../../src/engine/bank/schema.js';
import type { Interviewer, Judge } from '../../src/engine/ports.js';
import { createServices, type Services } from '../../src/main.js';
import { defaultBankDir } from '../../src/paths.js';
import type { CreateSessionBody, CreateSessionResponse } from '../../src/protocol/http.js';
import { startServer, type RunningServer, type StartServerOptions } from '../../src/server/start-server.js';
import { tempDir, type TempDir } from './temp-dir.js';
import { openSocket, type SocketOptions, type TestSocket } from './ws-client.js';

export interface TestServerOptions {
  /** Environment variables for loadConfig (PORT, HOST and PROBE_DB_PATH are set unless given). */
  env?: Record<string, string>;
  /** A database file to reuse (e.g. to restart on the same data); default a fresh temp file. */
  dbPath?: string;
  interviewer?: Interviewer;
  judge?: Judge;
  bank?: Bank;
  log?: Logger;
  paceMs?: number;
  server?: Partial<StartServerOptions>;
}

export interface TestServer {
  url: string;
  port: number;
  services: Services;
  server: RunningServer;
  dbPath: string;
  /** Creates a session over HTTP and returns the API's answer. */
  createSession(body?: CreateSessionBody): Promise<CreateSessionResponse>;
  /** The WebSocket URL of a session (token omitted when undefined). */
  socketUrl(id: string, token?: string): string;
  /** Opens a session's WebSocket. */
  connect(id: string, token: string, options?: SocketOptions): Promise<TestSocket>;
  /** Stops the server and closes the database; removes the temp folder unless `dbPath` was given. */
  close(): Promise<void>;
}

let realBank: Promise<Bank> | undefined;
/** The real question bank, loaded once per test file. */
export const testBank = (): Promise<Bank> => (realBank ??= loadBank(defaultBankDir()));

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir: TempDir | undefined = options.dbPath ? undefined : tempDir();
  const dbPath = options.dbPath ?? dir!.file('probe.db');
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', PROBE_DB_PATH: dbPath, PROBE_LOG_LEVEL: 'silent', ...options.env });
  const services = await createServices(config, {
    bank: options.bank ?? (await testBank()),
    log: options.log ?? silentLogger(),
    ...(options.interviewer ? { interviewer: options.interviewer } : {}),
    ...(options.judge ? { judge: options.judge } : {}),
    ...(options.paceMs ? { paceMs: options.paceMs } : {}),
  });
  const server = await startServer(services, { host: config.HOST, port: config.PORT, graceMs: 2000, webDir: '/nonexistent-probe-web', ...options.server });
  const url = server.url;
  const socketUrl = (id: string, token?: string) => `${url.replace(/^http/, 'ws')}/api/sessions/${id}/ws${token !== undefined ? `?token=${encodeURIComponent(token)}` : ''}`;
  return {
    url,
    port: server.port,
    services,
    server,
    dbPath,
    socketUrl,
    createSession: async (body = {}) => {
      const res = await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`POST /api/sessions answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as CreateSessionResponse;
    },
    connect: (id, token, socketOptions) => openSocket(socketUrl(id, token), socketOptions),
    close: async () => {
      await server.close();
      await services.close();
      dir?.remove();
    },
  };
}
