// Starts the HTTP + WebSocket server on a host and port, resumes sessions left mid-work, and shuts
// down gracefully: stop accepting, let in-flight work finish, close sockets with "server restarting".
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { CloseCode } from '../protocol/ws-frames.js';
import { webDistDir } from '../paths.js';
import type { Services } from '../main.js';
import { createApp } from './app.js';
import { startHeartbeat } from './heartbeat.js';
import { allowedHostNames } from './host-check.js';
import { identityMode, identityWarning, LOCAL_SUBJECT } from './profile-identity.js';
import { SessionRegistry, type RegistryOptions } from './session-registry.js';
import { warmQuestionModels } from './warm-scorer.js';
import { BankQuestions } from './bank-questions.js';
import { startUnstartedSweeper } from './unstarted-sweeper.js';

export interface StartServerOptions {
  host: string;
  port: number;
  /** How long shutdown waits for a session's in-flight work before closing its socket. */
  graceMs?: number;
  /** How often sockets are pinged; one that missed two pings in a row is dropped (heartbeat.ts). */
  heartbeatMs?: number;
  registry?: RegistryOptions;
  webDir?: string;
  /** The clock (tests inject one to play sessions on different days). */
  now?: () => number;
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  registry: SessionRegistry;
  /** Graceful shutdown; the services (database) stay open for the caller to close. */
  close(): Promise<void>;
}

export async function startServer(services: Services, options: StartServerOptions): Promise<RunningServer> {
  const { config, log, store } = services;
  const now = options.now ?? (() => Date.now());
  const identity = identityMode({ ...config, HOST: options.host });
  const warning = identityWarning(identity, options.host);
  if (warning) log.warn(warning);
  if (identity.kind !== 'proxy') {
    // One profile owns everything on a single-user install, including sessions made before profiles.
    const local = await services.profiles.ensure(LOCAL_SUBJECT, now());
    const adopted = await services.profiles.adoptUnowned(local.id);
    if (adopted > 0) log.info({ sessions: adopted }, 'earlier sessions added to the local profile');
  }
  const ports = { interviewer: services.interviewer, judge: services.judge, ...(services.assessor ? { assessor: services.assessor } : {}), now };
  const bank = new BankQuestions(services.bank.questions);
  const registry = new SessionRegistry({ store, ports, log, interviewerId: services.interviewer.id, bank }, options.registry);
  if (store.shared) log.info({ node: registry.nodeId }, `sharing the database with other nodes as ${registry.nodeId}`);
  await registry.resumeUnfinished();

  const app = createApp({
    bank: services.bank,
    store,
    profiles: services.profiles,
    identity,
    registry,
    log,
    config,
    now,
    interviewerId: services.interviewer.id,
    ...(services.saturation ? { saturation: services.saturation } : {}),
    maxBodyBytes: config.PROBE_MAX_FRAME_BYTES,
    allowedOrigins: config.PROBE_ALLOWED_ORIGINS,
    allowedHosts: allowedHostNames(options.host, config.PROBE_ALLOWED_HOSTS),
    limits: { maxAnswerChars: config.PROBE_MAX_ANSWER_CHARS, ratePerSecond: config.PROBE_RATE_LIMIT_PER_SEC, rateBurst: config.PROBE_RATE_LIMIT_BURST },
    webDir: options.webDir ?? webDistDir(),
  });
  // maxPayload: ws refuses a larger frame while reading its header, before buffering it (close 1009).
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.PROBE_MAX_FRAME_BYTES });
  const server = createAdaptorServer({ fetch: app.fetch, websocket: { server: wss } }) as Server;
  const stopHeartbeat = startHeartbeat(wss, options.heartbeatMs ?? 30_000);
  const warming = warmQuestionModels(services.bank.questions, services.warmQuestion);
  const stopSweeper = startUnstartedSweeper({ store, registry, log, now, ttlMs: config.PROBE_UNSTARTED_SESSION_TTL_MIN * 60_000 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      stopHeartbeat();
      stopSweeper();
      warming.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await registry.shutdown(options.graceMs ?? 5000);
      for (const client of wss.clients) client.close(CloseCode.serverRestarting, 'server restarting');
      const force = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
        server.closeAllConnections();
      }, 2000);
      await closed;
      clearTimeout(force);
      log.info('server stopped');
    })();
    return closing;
  };
  return { url: `http://${urlHost}:${port}`, port, host: options.host, registry, close };
}
