// Progress over days through the real server with an injected clock: a weak session, then the
// due list, a "weak spots" drill of exactly those key points, and the trend and mastery after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgressSchema, WeakSpotsResponseSchema, type ProgressData } from '../../src/protocol/profile.js';
import { runInterview } from '../support/interview-driver.js';
import { startTestServer, type TestServer } from '../support/start-test-server.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
let clock = T0;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ server: { now: () => clock } });
});
afterAll(async () => {
  await server.close();
});

const progress = async (): Promise<ProgressData> => ProgressSchema.parse(await (await fetch(`${server.url}/api/profile/progress`)).json());
const planOf = async (id: string) => (await server.services.store.meta(id))?.plan.questions ?? [];

/** Plays a session to the end, answering every line with `answer(question)`; the clock moves a minute per answer. */
async function play(id: string, token: string, answer: (reference: string) => string): Promise<void> {
  const [question] = await planOf(id);
  const socket = await server.connect(id, token);
  await runInterview(socket, () => {
    clock += 60_000;
    return answer(question?.referenceAnswer ?? '');
  });
  await socket.close();
}

describe('progress over days', () => {
  it('shows a weak first session as due, drills exactly its weak points, and the trend rising after', async () => {
    const first = await server.createSession({ mode: 'mock', topics: ['vaes'], questionCount: 1, maxFollowUps: 0, includeBehavioral: false, seed: 4 });
    const [asked] = await planOf(first.id);
    await play(first.id, first.token, () => 'I am not sure, I would have to look that up.');

    const day0 = await progress();
    const vaes = day0.topics.find((t) => t.topic === 'vaes');
    expect(vaes?.trend).toHaveLength(1);
    expect(vaes?.mastery).toBe(0);
    expect(day0.keyPoints.every((k) => k.questionId === asked?.id && k.status === 'missed')).toBe(true);
    expect(day0.due.some((d) => d.dueNow)).toBe(false);
    expect(day0.time).toMatchObject({ sessions: 1, days: 1 });

    clock = T0 + 2 * DAY;
    const day2 = await progress();
    expect(day2.due.filter((d) => d.dueNow).map((d) => d.questionId)).toEqual(day0.keyPoints.map(() => asked?.id));

    const drillRes = await fetch(`${server.url}/api/profile/weak-spots`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"questionCount":1}' });
    expect(drillRes.status).toBe(201);
    const drill = WeakSpotsResponseSchema.parse(await drillRes.json());
    expect(drill.mode).toBe('drill');
    expect(drill.targets).toEqual([{ questionId: asked?.id, keyPointIds: expect.arrayContaining(day0.keyPoints.map((k) => k.keyPointId)) }]);
    expect((await planOf(drill.id)).map((q) => q.id)).toEqual([asked?.id]);
    expect((await server.services.store.meta(drill.id))?.plan.focus).toEqual({ [asked?.id ?? '']: drill.targets[0]?.keyPointIds });

    await play(drill.id, drill.token, (reference) => reference);
    const day2After = await progress();
    const trend = day2After.topics.find((t) => t.topic === 'vaes')?.trend ?? [];
    expect(trend).toHaveLength(2);
    expect(trend[1]?.score).toBeGreaterThan(trend[0]?.score ?? 100);
    expect(day2After.keyPoints.filter((k) => k.status === 'covered').length).toBeGreaterThan(0);
    expect(day2After.due.filter((d) => d.dueNow).length).toBeLessThan(day2.due.filter((d) => d.dueNow).length);
    expect(day2After.time).toMatchObject({ sessions: 2, days: 2 });
  });

  it('serves the progress report in all four formats', async () => {
    const get = (format: string) => fetch(`${server.url}/api/profile/progress/report?format=${format}`);
    const md = await (await get('md')).text();
    expect(md).toContain('# Probe progress report');
    expect(md).toMatch(/\| Variational/);
    const html = await get('html');
    expect(html.headers.get('content-disposition')).toMatch(/probe-progress-2026-11-04\.html/);
    const page = await html.text();
    expect(page).toContain('<svg');
    expect(page).toMatch(/role="img"/);
    const json = (await (await get('json')).json()) as { subject: string; topics: unknown[] };
    expect(json.subject).toBe('local');
    expect(json.topics.length).toBeGreaterThan(0);
    const pdf = Buffer.from(await (await get('pdf')).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get('docx')).status).toBe(400);
  });

  it('checks the drill options, and says there is nothing to drill once everything is deleted', async () => {
    const post = (body: string) => fetch(`${server.url}/api/profile/weak-spots`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const tooMany = await post('{"questionCount": 50}');
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toMatch(/questionCount/);
    expect((await fetch(`${server.url}/api/profile`, { method: 'DELETE' })).status).toBe(200);
    const empty = await post('');
    expect(empty.status).toBe(422);
    expect(await empty.text()).toMatch(/nothing to practise yet/);
    expect((await progress()).keyPoints).toEqual([]);
  });
});
