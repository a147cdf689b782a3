// /api/sessions: create a session from a plan, read it, and open its WebSocket.
import { randomInt, randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import type { Bank } from '../engine/bank/schema.js';
import { createPlan } from '../engine/plan.js';
import { InvalidMessage, PayloadTooLarge, PlanUnsatisfiable, SessionNotFound, TooManySessions } from '../errors.js';
import { CreateSessionBodySchema, type CreateSessionResponse } from '../protocol/http.js';
import { createToken, hashToken } from './auth.js';
import type { CreationLimiter } from './creation-limiter.js';
import { describeIssues } from './describe-issues.js';
import { reportHandler } from './report-route.js';
import { requireSession, type SessionEnv } from './require-session.js';
import type { SessionRegistry } from './session-registry.js';
import { foldEvents } from './session-runner.js';
import { sessionSocket, type SessionSocketDeps } from './session-socket.js';
import type { SessionStore } from './session-store.js';
import { sessionView } from './views.js';
import type { IdentityMode } from './profile-identity.js';

export interface SessionRoutesDeps extends SessionSocketDeps {
  /** How callers are identified; signed-in owners read their sessions without the token. */
  identity?: IdentityMode;
  bank: Bank;
  store: SessionStore;
  registry: SessionRegistry;
  log: Logger;
  interviewerId: string;
  maxBodyBytes: number;
  now: () => number;
  /** Admission: why new sessions are refused now (503 with Retry-After), or undefined. */
  saturation?: () => { reason: string; retryAfterS: number } | undefined;
  /** Per-client limit on POST /api/sessions; none when absent. */
  createLimit?: CreationLimiter;
}

export function sessionRoutes(deps: SessionRoutesDeps): Hono<SessionEnv> {
  const routes = new Hono<SessionEnv>();
  const authorized = requireSession(deps.store, deps.profiles, deps.identity?.kind === 'proxy');

  const limit = bodyLimit({
    maxSize: deps.maxBodyBytes,
    onError: () => {
      throw new PayloadTooLarge(deps.maxBodyBytes);
    },
  });

  routes.post('/', limit, async (c) => {
    const decision = deps.createLimit?.take(clientAddress(c));
    if (decision && !decision.ok) throw new TooManySessions(decision.retryAfterSeconds);
    const saturated = deps.saturation?.();
    if (saturated) {
      const message = `the server is at capacity (${saturated.reason}); interviews in progress go on, try a new one in ${saturated.retryAfterS} s`;
      return c.json({ error: { code: 'server_busy', message } }, 503, { 'Retry-After': String(saturated.retryAfterS) });
    }
    const parsed = CreateSessionBodySchema.safeParse(await jsonBody(c.req.raw));
    if (!parsed.success) throw new InvalidMessage(`invalid plan options: ${describeIssues(parsed.error.issues)}`);
    const options = { ...parsed.data, seed: parsed.data.seed ?? randomInt(2 ** 31) };
    const result = createPlan(deps.bank.questions, options, deps.bank.version);
    if (!result.ok) throw new PlanUnsatisfiable(result.error);
    const id = randomUUID();
    const token = createToken();
    await deps.store.create({ id, tokenHash: hashToken(token), plan: result.plan, createdAt: deps.now(), profileId: c.var.profile.id });
    deps.log.info({ session: id, mode: result.plan.mode, questions: result.plan.questions.length }, 'session created');
    const body: CreateSessionResponse = {
      id,
      token,
      mode: result.plan.mode,
      questionCount: result.plan.questions.length,
      shortBy: result.shortBy,
      interviewer: deps.interviewerId,
      websocket: `/api/sessions/${id}/ws`,
    };
    return c.json(body, 201);
  });

  // The WebSocket checks its own token and answers with close codes; it comes before `authorized`.
  routes.get('/:id/ws', sessionSocket(deps));

  routes.get('/:id', authorized, async (c) => {
    const loaded = await deps.store.load(c.var.session.id);
    if (!loaded) throw new SessionNotFound(c.var.session.id);
    const state = foldEvents(loaded.meta.id, loaded.meta.plan, loaded.events, deps.log);
    return c.json(sessionView(loaded.meta, state, deps.interviewerId));
  });

  routes.get('/:id/report', authorized, reportHandler(deps));

  return routes;
}

/** The remote address (app.request() in tests has none: all such requests count as one client). */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/** The request body as JSON; an empty body is `{}` (every plan option has a default). */
async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidMessage(`the body is not valid JSON (${(error as Error).message}); send the plan options as a JSON object`);
  }
}
