import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteSessionStore, type SqliteSessionStore } from '../../src/adapters/db/sqlite-session-store.js';
import { silentLogger } from '../../src/adapters/log.js';
import { createOfflineInterviewer, createOfflineJudge } from '../../src/engine/interviewer/offline-interviewer.js';
import { BankQuestions } from '../../src/server/bank-questions.js';
import { SessionRegistry } from '../../src/server/session-registry.js';
import { QUESTIONS, planFor } from '../fixtures/questions.js';
import { fakeConnection } from '../support/fake-connection.js';
import { tempDir, type TempDir } from '../support/temp-dir.js';

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('BankQuestions', () => {
  const bank = new BankQuestions(QUESTIONS);
  const q = QUESTIONS[0]!;

  it("gives the bank's own object for a stored copy that is unchanged", () => {
    expect(bank.canonical(copy(q))).toBe(q);
  });

  it('keeps the stored copy when the bank question has changed since the plan was made, or is gone', () => {
    const edited = { ...copy(q), referenceAnswer: `${q.referenceAnswer} And one more sentence.` };
    expect(bank.canonical(edited)).toBe(edited);
    const reweighted = copy(q);
    reweighted.keyPoints[0]!.weight += 1;
    expect(bank.canonical(reweighted)).toBe(reweighted);
    const unknown = { ...copy(q), id: 'not-in-the-bank' };
    expect(bank.canonical(unknown)).toBe(unknown);
  });

  it('replaces only the unchanged questions of a plan and leaves the rest of the plan as stored', () => {
    const plan = copy(planFor({ mode: 'mock', questionCount: 3 }));
    plan.questions[1] = { ...plan.questions[1]!, prompt: 'A prompt the bank no longer has?' };
    const out = bank.plan(plan);
    expect(out).toEqual(plan);
    expect(out.questions[0]).toBe(QUESTIONS.find((x) => x.id === plan.questions[0]!.id));
    expect(out.questions[1]).toBe(plan.questions[1]);
    expect(out.questions[2]).toBe(QUESTIONS.find((x) => x.id === plan.questions[2]!.id));
  });
});

describe('a session rebuilt from the store', () => {
  let dir: TempDir;
  let store: SqliteSessionStore;
  beforeEach(() => {
    dir = tempDir();
    store = createSqliteSessionStore(dir.file('probe.db'), { busyTimeoutMs: 20 });
  });
  afterEach(async () => {
    await store.close();
    dir.remove();
  });

  it("asks the judge about the bank's question objects, and runs the same interview as without the bank", async () => {
    const plan = planFor({ mode: 'mock', questionCount: 2, maxFollowUps: 0 });
    const seen: { bank: boolean; judged: unknown[] }[] = [];
    const transcripts: string[] = [];
    for (const withBank of [true, false]) {
      const id = withBank ? 'with' : 'without';
      await store.create({ id, tokenHash: 'x', plan, createdAt: 1000 });
      const judge = createOfflineJudge();
      const judged: unknown[] = [];
      seen.push({ bank: withBank, judged });
      let clock = 5_000_000;
      const registry = new SessionRegistry({
        store,
        log: silentLogger(),
        interviewerId: 'offline',
        ports: { interviewer: createOfflineInterviewer(), judge: { ...judge, judge: (input) => (judged.push(input.question), judge.judge(input)) }, now: () => (clock += 1000) },
        ...(withBank ? { bank: new BankQuestions(QUESTIONS) } : {}),
      });
      const runner = (await registry.get(id))!;
      const client = fakeConnection();
      runner.attach(client.conn);
      await runner.receive(client.conn, { type: 'session.start' });
      await runner.receive(client.conn, { type: 'answer.submit', text: 'Point a and b, and a little more on both.' });
      await runner.receive(client.conn, { type: 'answer.submit', text: 'Something about the second one.' });
      await registry.shutdown(1000);
      transcripts.push(JSON.stringify((await store.load(id))!.events.map((e) => ({ ...e, at: 0 }))));
    }
    const [withBank, without] = seen;
    expect(withBank!.judged.length).toBe(2);
    for (const q of withBank!.judged) expect(QUESTIONS).toContain(q);
    for (const q of without!.judged) expect(QUESTIONS).not.toContain(q);
    expect(transcripts[0]).toBe(transcripts[1]);
  });
});
