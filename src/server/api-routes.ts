// The HTTP API under /api: sessions, the bank's topics and questions, server info.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Config } from '../config.js';
import { InvalidMessage } from '../errors.js';
import type { ServerInfo } from '../protocol/http.js';
import { CreationLimiter } from './creation-limiter.js';
import { describeIssues } from './describe-issues.js';
import { requireProfile, type IdentityMode, type ProfileEnv } from './profile-identity.js';
import { profileRoutes, type ProfileRoutesDeps } from './profile-routes.js';
import { guardStateChanges } from './request-guard.js';
import { sessionRoutes, type SessionRoutesDeps } from './session-routes.js';
import { questionView, topicViews } from './views.js';

export interface ApiDeps extends SessionRoutesDeps, ProfileRoutesDeps {
  identity: IdentityMode;
  config: Pick<Config, 'PROBE_MAX_ANSWER_CHARS' | 'PROBE_MAX_FRAME_BYTES' | 'PROBE_SESSION_CREATE_PER_MIN' | 'PROBE_SESSION_CREATE_BURST'>;
}

const QuestionQuerySchema = z.strictObject({
  topic: z.string().min(1).optional(),
  difficulty: z.coerce.number().int().min(1).max(3).optional(),
  kind: z.enum(['technical', 'behavioral']).optional(),
});

export function apiRoutes(deps: ApiDeps): Hono<ProfileEnv> {
  const api = new Hono<ProfileEnv>();
  api.use('*', guardStateChanges(deps.allowedOrigins));
  // Every API call speaks for a profile; with a sign-in proxy configured, one without it is refused here.
  api.use('*', requireProfile(deps));
  const createLimit = new CreationLimiter({ perMinute: deps.config.PROBE_SESSION_CREATE_PER_MIN, burst: deps.config.PROBE_SESSION_CREATE_BURST, now: deps.now });
  api.route('/sessions', sessionRoutes({ ...deps, createLimit }));
  api.route('/profile', profileRoutes({ ...deps, createLimit }));

  api.get('/topics', (c) => c.json(topicViews(deps.bank)));

  api.get('/questions', (c) => {
    const query = QuestionQuerySchema.safeParse(c.req.query());
    if (!query.success) throw new InvalidMessage(`invalid query: ${describeIssues(query.error.issues, 'query')}`);
    const { topic, difficulty, kind } = query.data;
    const matching = deps.bank.questions.filter(
      (q) => (!topic || q.topic === topic) && (!difficulty || q.difficulty === difficulty) && (!kind || q.kind === kind),
    );
    return c.json(matching.map(questionView));
  });

  api.get('/info', (c) => {
    const info: ServerInfo = {
      interviewer: deps.interviewerId,
      bankVersion: deps.bank.version,
      limits: { maxAnswerChars: deps.config.PROBE_MAX_ANSWER_CHARS, maxFrameBytes: deps.config.PROBE_MAX_FRAME_BYTES },
    };
    return c.json(info);
  });
  return api;
}
