// Middleware for /api/sessions/:id routes: the caller must hold the session's token, or be
// signed in through the proxy as the profile that owns it. No token (and not signed in) is 401. An unknown id, a wrong token and another profile's session get the same 404
// (status, code and message), so the answer never tells whether a session exists or whose it is.
import { createMiddleware } from 'hono/factory';
import { SessionNotFound, Unauthorized } from '../errors.js';
import { requestToken, tokenMatches } from './auth.js';
import { claimForProfile, foreignSession } from './profile-sessions.js';
import type { Profile, ProfileStore } from './profile-store.js';
import type { SessionMeta, SessionStore } from './session-store.js';

export type SessionEnv = { Variables: { session: SessionMeta; profile: Profile } };

/**
 * Sets `c.var.session` for the (read-only) route after it; report routes use it too. With
 * `signedIn` (identity from a trusted sign-in proxy), a session the caller's profile owns needs no
 * token: a signed-in user opens their own reports from any browser.
 */
export function requireSession(store: SessionStore, profiles: ProfileStore, signedIn = false) {
  return createMiddleware<SessionEnv>(async (c, next) => {
    const token = requestToken(c.req.header('authorization'), c.req.query('token'));
    const id = c.req.param('id') ?? '';
    if (!token) {
      const meta = signedIn ? await store.meta(id) : undefined;
      if (!signedIn) throw new Unauthorized();
      if (!meta || meta.profileId !== c.var.profile.id) throw new SessionNotFound(id);
      c.set('session', meta);
      return next();
    }
    const meta = await store.meta(id);
    if (!meta || foreignSession(meta, c.var.profile) || !tokenMatches(token, meta.tokenHash)) throw new SessionNotFound(id);
    const owned = await claimForProfile(meta, c.var.profile, profiles);
    if (!owned) throw new SessionNotFound(id);
    c.set('session', owned);
    await next();
  });
}
