// Middleware for /api/sessions/:id routes: the caller must hold the session's token.
// No token or a wrong one is 401 and reveals nothing; an unknown id is 404.
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
    if (!meta) throw new SessionNotFound(id);
    if (!tokenMatches(token, meta.tokenHash)) throw new Unauthorized();
    c.set('session', meta);
    await next();
  });
}
