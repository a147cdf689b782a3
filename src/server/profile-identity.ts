// Who is calling: the profile of a request. Three modes, chosen from the configuration once:
// - local: HOST is loopback and no PROBE_AUTH_HEADER; one profile ("local"), no sign-in.
// - proxy: PROBE_AUTH_HEADER names the user, trusted only from PROBE_TRUSTED_PROXIES; anything
//   else is refused with 401.
// - shared: served beyond this machine with no sign-in proxy; everyone shares the one profile,
//   start-up warns, and profile-wide routes are refused (ProfileNeedsSignIn).
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Config } from '../config.js';
import { ProfileNeedsSignIn, Unauthorized } from '../errors.js';
import type { Profile, ProfileStore } from './profile-store.js';
import { isLoopbackHost, proxyMatcher } from './profile-trusted-proxies.js';

export type IdentityMode =
  | { kind: 'local' }
  | { kind: 'shared' }
  | { kind: 'proxy'; header: string; trusted: (remote: string | undefined) => boolean };

/** The subject of the one profile of a local or shared install. */
export const LOCAL_SUBJECT = 'local';
const MAX_SUBJECT = 256;

export type IdentityConfig = Pick<Config, 'HOST' | 'PROBE_AUTH_HEADER' | 'PROBE_TRUSTED_PROXIES'>;

export function identityMode(config: IdentityConfig): IdentityMode {
  if (config.PROBE_AUTH_HEADER && config.PROBE_TRUSTED_PROXIES) {
    return { kind: 'proxy', header: config.PROBE_AUTH_HEADER, trusted: proxyMatcher(config.PROBE_TRUSTED_PROXIES) };
  }
  return isLoopbackHost(config.HOST) ? { kind: 'local' } : { kind: 'shared' };
}

/** The start-up warning for a mode that deserves one. */
export function identityWarning(mode: IdentityMode, host: string): string | undefined {
  if (mode.kind !== 'shared') return undefined;
  return `serving on ${host} without PROBE_AUTH_HEADER: everyone who reaches this server shares one profile, and its progress, export and deletion pages are off. Put a sign-in proxy in front (PROBE_AUTH_HEADER, PROBE_TRUSTED_PROXIES) or serve on 127.0.0.1.`;
}

export type ProfileEnv = { Variables: { profile: Profile } };

export interface ProfileIdentityDeps {
  identity: IdentityMode;
  profiles: ProfileStore;
  now: () => number;
}

/** The remote address of a request on @hono/node-server (tests pass `{ incoming: { socket } }` as env). */
export function remoteAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

/** The subject a request speaks for; throws Unauthorized (401) with what is missing. */
export function requestSubject(c: Context, identity: IdentityMode): string {
  if (identity.kind !== 'proxy') return LOCAL_SUBJECT;
  if (!identity.trusted(remoteAddress(c))) {
    throw new Unauthorized('this server takes sign-ins only through its sign-in proxy; open Probe through the proxy address (this request did not come from PROBE_TRUSTED_PROXIES)');
  }
  const value = c.req.header(identity.header)?.trim() ?? '';
  if (value === '') throw new Unauthorized(`not signed in: the sign-in proxy sent no ${identity.header} header; sign in through the proxy and try again`);
  // eslint-disable-next-line no-control-regex
  if (value.length > MAX_SUBJECT || /[\u0000-\u001f\u007f]/.test(value)) throw new Unauthorized(`the ${identity.header} header is not a usable user name (at most ${MAX_SUBJECT} printable characters)`);
  return value;
}

/** Sets `c.var.profile` for every route after it, creating the profile on first sight. */
export function requireProfile(deps: ProfileIdentityDeps) {
  return createMiddleware<ProfileEnv>(async (c, next) => {
    c.set('profile', await deps.profiles.ensure(requestSubject(c, deps.identity), deps.now()));
    await next();
  });
}

/** For profile-wide routes: refused on a shared server, where the one profile is everyone's. */
export function requirePrivateProfile(identity: IdentityMode) {
  return createMiddleware<ProfileEnv>(async (_c, next) => {
    if (identity.kind === 'shared') throw new ProfileNeedsSignIn();
    await next();
  });
}

/** Whether a session may be shown to a profile: its own, or not yet claimed by anyone (token still needed). */
export const ownsSession = (profile: Profile, sessionProfileId: string | undefined): boolean =>
  sessionProfileId === undefined || sessionProfileId === profile.id;
