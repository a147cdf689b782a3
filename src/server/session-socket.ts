// GET /api/sessions/:id/ws: admits a WebSocket to a session (origin, token, session) and wires it
// to the session's runner. Refusals are a close with a documented code after the handshake, so
// browsers, which cannot read an HTTP status from a failed upgrade, can tell why.
import { upgradeWebSocket } from '@hono/node-server';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import { CloseCode } from '../protocol/ws-frames.js';
import { requestToken, tokenMatches } from './auth.js';
import { ClientConnection, type ConnectionLimits } from './client-connection.js';
import { originAllowed } from './origin.js';
import { claimForProfile, foreignSession } from './profile-sessions.js';
import type { Profile, ProfileStore } from './profile-store.js';
import type { SessionRegistry } from './session-registry.js';
import type { SessionRunner } from './session-runner.js';
import type { SessionStore } from './session-store.js';

export interface SessionSocketDeps {
  store: SessionStore;
  profiles: ProfileStore;
  registry: SessionRegistry;
  log: Logger;
  allowedOrigins: readonly string[];
  limits: ConnectionLimits;
}

type Admission = { runner: SessionRunner } | { refuse: number; reason: string };

async function admit(c: Context, deps: SessionSocketDeps): Promise<Admission> {
  if (!originAllowed(c.req.header('origin'), c.req.header('host'), deps.allowedOrigins)) {
    return { refuse: CloseCode.forbiddenOrigin, reason: 'this origin may not open a session; see PROBE_ALLOWED_ORIGINS' };
  }
  const token = requestToken(undefined, c.req.query('token'));
  if (!token) return { refuse: CloseCode.unauthorized, reason: 'missing session token' };
  // An unknown id and a wrong token get the same answer: it never tells whether a session exists.
  const notFound = { refuse: CloseCode.sessionNotFound, reason: 'no session with this id opens with this token' };
  const id = c.req.param('id') ?? '';
  const meta = await deps.store.meta(id);
  const profile = c.get('profile') as Profile;
  // Another profile's session is answered the same way too.
  if (!meta || foreignSession(meta, profile) || !tokenMatches(token, meta.tokenHash)) return notFound;
  if (!(await claimForProfile(meta, profile, deps.profiles))) return notFound;
  const runner = await deps.registry.get(id);
  return runner ? { runner } : notFound;
}

export function sessionSocket(deps: SessionSocketDeps) {
  return upgradeWebSocket(
    async (c) => {
      const admission = await admit(c, deps).catch((error: unknown): Admission => {
        deps.log.error({ err: error }, 'could not admit a WebSocket');
        return { refuse: 1011, reason: 'server error; try again in a moment' };
      });
      let connection: ClientConnection | undefined;
      return {
        onOpen: (_event, ws) => {
          if ('refuse' in admission) {
            deps.log.info({ code: admission.refuse, path: c.req.path }, 'WebSocket refused');
            ws.close(admission.refuse, admission.reason);
            return;
          }
          connection = new ClientConnection(ws, admission.runner, deps.limits, deps.log);
          admission.runner.attach(connection);
        },
        onMessage: (event) => connection?.receive(event.data),
        onClose: () => {
          if (!connection || 'refuse' in admission) return;
          connection.gone();
          admission.runner.detach(connection);
        },
        onError: (event) => deps.log.warn({ err: (event as ErrorEvent).error }, 'WebSocket error'),
      };
    },
    { onError: (error) => deps.log.error({ err: error }, 'WebSocket handler failed') },
  );
}
