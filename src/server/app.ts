// The Hono application: the API under /api, /healthz, the web app, and the one place HTTP errors
// are turned into responses. Every request passes the Host check first; every response carries the
// secure headers (nosniff among them); state-changing API requests must be JSON from an allowed origin.
import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { AppError, TooManySessions } from '../errors.js';
import type { ErrorBody } from '../protocol/http.js';
import { apiRoutes, type ApiDeps } from './api-routes.js';
import { allowedHostNames, requireKnownHost } from './host-check.js';
import { placeholderPage } from './placeholder-page.js';
import type { IdentityMode } from './profile-identity.js';
import type { ProfileStore } from './profile-store.js';
import { profileStoreOf } from './profile-store-of.js';

export interface AppOptions extends Omit<ApiDeps, 'profiles' | 'identity'> {
  /** Default: profiles in the session store's SQLite database. */
  profiles?: ProfileStore;
  /** Default: one local profile, no sign-in. */
  identity?: IdentityMode;
  /** Folder of the built web app; a placeholder page is served when it does not exist. */
  webDir: string;
  /** Host names the server answers to besides localhost and IP addresses (see host-check.ts); default none. */
  allowedHosts?: readonly string[];
}

const errorBody = (code: string, message: string): ErrorBody => ({ error: { code, message } });

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const { log, store } = options;

  app.use('*', requireKnownHost(options.allowedHosts ?? allowedHostNames('127.0.0.1', [])));
  // HSTS is left to whatever terminates TLS in front of Probe; the server itself speaks plain HTTP.
  app.use('*', secureHeaders({ strictTransportSecurity: false }));

  app.onError((error, c) => {
    if (error instanceof TooManySessions) c.header('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof AppError) {
      if (error.status >= 500) log.error({ err: error, path: c.req.path }, error.message);
      return c.json(errorBody(error.code, error.message), error.status as 400);
    }
    if (error instanceof HTTPException && error.status < 500) return c.json(errorBody('http_error', error.message || 'bad request'), error.status);
    log.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed');
    return c.json(errorBody('internal_error', 'something went wrong on the server; it was logged. Try again in a moment.'), 500);
  });

  app.get('/healthz', async (c) => {
    try {
      await store.health();
      return c.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      log.error({ err: error }, 'health check failed');
      return c.json({ status: 'unavailable', database: 'unreachable' }, 503);
    }
  });

  app.route('/api', apiRoutes({ ...options, profiles: options.profiles ?? profileStoreOf(store), identity: options.identity ?? { kind: 'local' } }));
  app.all('/api/*', (c) => c.json(errorBody('not_found', `no API route ${c.req.method} ${c.req.path}; see docs/protocol.md`), 404));

  if (existsSync(options.webDir)) {
    app.use('/*', serveStatic({ root: options.webDir }));
    app.get('/*', serveStatic({ root: options.webDir, path: 'index.html' }));
  } else {
    app.get('/', (c) => c.html(placeholderPage(options.interviewerId)));
  }
  return app;
}
