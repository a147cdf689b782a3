// State-changing requests (anything but GET, HEAD and OPTIONS) must come from an allowed origin and,
// when they carry a body (and always for POST), declare it as JSON. A browser sends a cross-site
// form or a text/plain POST without asking first (no CORS preflight), so without this any web page
// could create sessions blind; JSON is only sent cross-site after a preflight, which this server
// never grants (nor PUT, PATCH or DELETE, so a body-less DELETE needs no Content-Type). hono/csrf
// was considered: it only checks form-like content types, and refusing everything but JSON is stricter.
import { createMiddleware } from 'hono/factory';
import { ForbiddenOrigin, UnsupportedMediaType } from '../errors.js';
import { originAllowed } from './origin.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isJson = (contentType: string | undefined): boolean => /^application\/json\s*(;|$)/i.test(contentType?.trim() ?? '');

export function guardStateChanges(allowedOrigins: readonly string[]) {
  return createMiddleware(async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (!originAllowed(origin, c.req.header('host') ?? new URL(c.req.url).host, allowedOrigins)) throw new ForbiddenOrigin(String(origin).slice(0, 100));
    const contentType = c.req.header('content-type');
    const hasBody = (c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding') !== undefined;
    if ((c.req.method === 'POST' || hasBody) && !isJson(contentType)) throw new UnsupportedMediaType(contentType?.slice(0, 100));
    await next();
  });
}
