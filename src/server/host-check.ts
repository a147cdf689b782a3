// Which Host names the server answers to, against DNS rebinding: a hostile page whose name is
// re-pointed at 127.0.0.1 reaches the server with its own name in Host (and a matching Origin), so
// names are checked, as development servers do: localhost (and *.localhost), IP literals (an
// address cannot be rebound), the configured HOST, and PROBE_ALLOWED_HOSTS (".example.com" allows
// its subdomains). Applied to every route, the WebSocket upgrade included.
import { isIP } from 'node:net';
import { createMiddleware } from 'hono/factory';
import { HostNotAllowed } from '../errors.js';

/** The host name of a Host header, without port or IPv6 brackets, lower-cased; undefined when malformed. */
export function hostName(header: string): string | undefined {
  const value = header.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) return bracketed[1];
  const plain = /^([a-z0-9_.-]+)(?::\d{1,5})?$/.exec(value);
  return plain?.[1]?.replace(/\.$/, '');
}

/** The names the server answers to, from its configured HOST and PROBE_ALLOWED_HOSTS. */
export function allowedHostNames(host: string, extra: readonly string[]): string[] {
  const configured = hostName(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  const wildcard = configured === '0.0.0.0' || configured === '::';
  return ['localhost', ...(configured && !wildcard ? [configured] : []), ...extra.map((h) => h.toLowerCase())];
}

export function hostAllowed(header: string | undefined, allowed: readonly string[]): boolean {
  const name = header === undefined ? undefined : hostName(header);
  if (!name) return false;
  if (isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost')) return true;
  return allowed.some((a) => (a.startsWith('.') ? name === a.slice(1) || name.endsWith(a) : name === a));
}

/** Refuses (403) any request whose Host is not an allowed name. */
export function requireKnownHost(allowed: readonly string[]) {
  return createMiddleware(async (c, next) => {
    const header = c.req.header('host') ?? new URL(c.req.url).host;
    if (!hostAllowed(header, allowed)) throw new HostNotAllowed(header.slice(0, 100));
    await next();
  });
}
