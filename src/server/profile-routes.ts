// /api/profile: the caller's profile: its sessions, claiming a browser's earlier sessions,
// deleting a session or everything, exporting everything. `c.var.profile` is set by requireProfile.
import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Bank } from '../engine/bank/schema.js';
import { InvalidMessage, SessionNotFound } from '../errors.js';
import { ClaimBodySchema, type ClaimResponse, type DeleteResponse, type ProfileView } from '../protocol/profile.js';
import { tokenMatches } from './auth.js';
import { describeIssues } from './describe-issues.js';
import { exportProfile } from './profile-export.js';
import { progressRoutes } from './profile-progress-routes.js';
import { requirePrivateProfile, type IdentityMode, type ProfileEnv } from './profile-identity.js';
import type { ProfileStore } from './profile-store.js';
import type { CreationLimiter } from './creation-limiter.js';
import type { SessionRegistry } from './session-registry.js';
import type { SessionMeta, SessionStore } from './session-store.js';

export interface ProfileRoutesDeps {
  bank: Bank;
  interviewerId: string;
  store: SessionStore;
  profiles: ProfileStore;
  registry: SessionRegistry;
  identity: IdentityMode;
  log: Logger;
  now: () => number;
  /** The per-client limit on new sessions, shared with POST /api/sessions (a weak-spots drill is one). */
  createLimit?: CreationLimiter;
}

const iso = (ms: number) => new Date(ms).toISOString();

const sessionSummary = (m: SessionMeta) => ({
  id: m.id,
  mode: m.mode,
  status: m.status,
  createdAt: iso(m.createdAt),
  endedAt: m.endedAt !== undefined ? iso(m.endedAt) : null,
  topics: [...new Set(m.plan.questions.map((q) => q.topic))],
  questionCount: m.plan.questions.length,
});

export function profileRoutes(deps: ProfileRoutesDeps): Hono<ProfileEnv> {
  const routes = new Hono<ProfileEnv>();

  // Claiming needs the tokens, so it works on a shared server too; the rest is the profile's alone.
  routes.post('/claims', async (c) => {
    const parsed = ClaimBodySchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) throw new InvalidMessage(`invalid claim: ${describeIssues(parsed.error.issues)}; send {"sessions":[{"id":"...","token":"..."}]}`);
    const body: ClaimResponse = { claimed: [], refused: [] };
    for (const { id, token } of parsed.data.sessions) {
      const meta = await deps.store.meta(id);
      const result = meta && tokenMatches(token, meta.tokenHash) ? await deps.profiles.claim(c.var.profile.id, id) : 'not-yours';
      (result === 'not-yours' ? body.refused : body.claimed).push(id);
    }
    if (body.claimed.length > 0) deps.log.info({ profile: c.var.profile.id, claimed: body.claimed.length }, 'sessions claimed');
    return c.json(body);
  });

  routes.use('*', requirePrivateProfile(deps.identity));
  if (deps.identity.kind === 'local') {
    // On this machine the one profile owns everything: sessions another process stored without an
    // owner (a terminal interview while the server runs) join it before it is shown.
    routes.use('*', async (c, next) => {
      await deps.profiles.adoptUnowned(c.var.profile.id);
      await next();
    });
  }

  routes.get('/', async (c) => {
    const { sessions } = await deps.profiles.history(c.var.profile.id);
    const view: ProfileView = {
      subject: c.var.profile.subject,
      createdAt: iso(c.var.profile.createdAt),
      signIn: deps.identity.kind === 'proxy' ? 'proxy' : 'local',
      sessions: sessions.map(sessionSummary),
    };
    return c.json(view);
  });

  routes.delete('/sessions/:id', async (c) => {
    const id = c.req.param('id');
    const meta = await deps.store.meta(id);
    if (!meta || meta.profileId !== c.var.profile.id) throw new SessionNotFound(id);
    await deps.registry.evict(id);
    const deleted = await deps.profiles.deleteSession(c.var.profile.id, id);
    if (!deleted) throw new SessionNotFound(id);
    deps.log.info({ session: id }, 'session deleted');
    return c.json({ deleted } satisfies DeleteResponse);
  });

  routes.delete('/', async (c) => {
    const { sessions } = await deps.profiles.history(c.var.profile.id);
    for (const s of sessions) await deps.registry.evict(s.id);
    const deleted = await deps.profiles.deleteProfile(c.var.profile.id);
    deps.log.info({ profile: c.var.profile.id, sessions: deleted.sessions }, 'profile deleted');
    return c.json({ deleted } satisfies DeleteResponse);
  });

  routes.route('/', progressRoutes(deps));

  routes.get('/export', async (c) => {
    const body = await exportProfile(c.var.profile, deps.profiles, deps.store, deps.now());
    return c.body(JSON.stringify(body, null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="probe-export.json"',
      'Cache-Control': 'no-store',
    });
  });

  return routes;
}
