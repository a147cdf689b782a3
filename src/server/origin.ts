// Which pages may open a WebSocket: the server's own origin, the configured ones, and clients
// that send no Origin at all (non-browser clients, which a browser page cannot pretend to be).

/** `origin` is the request's Origin header, `host` its Host header. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host !== undefined && parsed.host === host.toLowerCase() && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) return true;
  return allowed.some((a) => normalize(a) === parsed.origin);
}

function normalize(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}
