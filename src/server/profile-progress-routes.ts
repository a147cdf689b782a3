// /api/profile/progress (JSON for the web page), /api/profile/progress/report?format= (the four
// report formats), and POST /api/profile/weak-spots (a drill of the due and weakest key points).
import { randomInt, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { renderProgressReport } from '../adapters/report/progress-report.js';
import { REPORT_FORMATS, ReportFormatSchema } from '../adapters/report/report-format.js';
import { InvalidMessage, PlanUnsatisfiable, TooManySessions } from '../errors.js';
import type { WeakSpotsResponse } from '../protocol/profile.js';
import { createToken, hashToken } from './auth.js';
import { describeIssues } from './describe-issues.js';
import { remoteAddress, type ProfileEnv } from './profile-identity.js';
import { profileProgress, weakSpotPlan } from './profile-progress.js';
import type { ProfileRoutesDeps } from './profile-routes.js';

const WeakSpotsBodySchema = z.strictObject({ questionCount: z.number().int().min(1).max(10).default(3) });

export function progressRoutes(deps: ProfileRoutesDeps): Hono<ProfileEnv> {
  const routes = new Hono<ProfileEnv>();

  routes.get('/progress', async (c) => c.json(await profileProgress(deps.profiles, c.var.profile.id, deps.bank, deps.now())));

  routes.get('/progress/report', async (c) => {
    const requested = c.req.query('format');
    const format = ReportFormatSchema.safeParse(requested);
    if (!format.success) throw new InvalidMessage(`${requested === undefined ? 'no report format given' : `unknown report format "${requested.slice(0, 40)}"`}; add ?format= with one of ${REPORT_FORMATS.join(', ')}`);
    const progress = await profileProgress(deps.profiles, c.var.profile.id, deps.bank, deps.now());
    const rendered = await renderProgressReport(progress, c.var.profile.subject, format.data);
    return c.body(typeof rendered.body === 'string' ? rendered.body : new Uint8Array(rendered.body), 200, {
      'Content-Type': rendered.contentType,
      'Content-Disposition': `attachment; filename="${rendered.filename}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  routes.post('/weak-spots', async (c) => {
    const decision = deps.createLimit?.take(remoteAddress(c) ?? 'local');
    if (decision && !decision.ok) throw new TooManySessions(decision.retryAfterSeconds);
    const text = await c.req.text();
    let raw: unknown = {};
    try {
      raw = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw new InvalidMessage('the body is not valid JSON; send {"questionCount": 3} or nothing');
    }
    const body = WeakSpotsBodySchema.safeParse(raw);
    if (!body.success) throw new InvalidMessage(`invalid weak-spots options: ${describeIssues(body.error.issues)}`);
    const now = deps.now();
    const progress = await profileProgress(deps.profiles, c.var.profile.id, deps.bank, now);
    const planned = weakSpotPlan(progress, deps.bank, now, body.data.questionCount, randomInt(2 ** 31));
    if (!planned.ok) throw new PlanUnsatisfiable(planned.error);
    const id = randomUUID();
    const token = createToken();
    await deps.store.create({ id, tokenHash: hashToken(token), plan: planned.plan, createdAt: now, profileId: c.var.profile.id });
    deps.log.info({ session: id, targets: planned.targets.length }, 'weak-spots drill created');
    const response: WeakSpotsResponse = {
      id,
      token,
      mode: 'drill',
      questionCount: planned.plan.questions.length,
      shortBy: 0,
      interviewer: deps.interviewerId,
      websocket: `/api/sessions/${id}/ws`,
      targets: planned.targets,
    };
    return c.json(response, 201);
  });

  return routes;
}
