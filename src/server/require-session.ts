// Middleware for /api/sessions/:id routes: the caller must hold the session's token.
// No token is 401. An unknown id and a wrong token get the same 404 (status, code and message), so
// the answer never tells whether a session exists.
import { createMiddleware } from 'hono/factory';
import { SessionNotFound, Unauthorized } from '../errors.js';
import { requestToken, tokenMatches } from './auth.js';
import type { SessionMeta, SessionStore } from './session-store.js';

export type SessionEnv = { Variables: { session: SessionMeta } };

/** Sets `c.var.session` for the route after it; report routes use it too. */
export function requireSession(store: SessionStore) {
  return createMiddleware<SessionEnv>(async (c, next) => {
    const token = requestToken(c.req.header('authorization'), c.req.query('token'));
    if (!token) throw new Unauthorized();
    const id = c.req.param('id') ?? '';
    const meta = await store.meta(id);
    if (!meta || !tokenMatches(token, meta.tokenHash)) throw new SessionNotFound(id);
    c.set('session', meta);
    await next();
  });
}
