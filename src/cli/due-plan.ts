// `probe interview --due`: the plan of a drill of the key points that are due or weakest in the
// local profile (the same choice as "Practise my weak spots" in the web app).
import { randomInt } from 'node:crypto';
import type { Bank } from '../engine/bank/schema.js';
import type { WeakSpotPlan } from '../server/profile-progress.js';
import { openCliProfile } from './cli-profile.js';

export async function duePlan(bank: Bank, questionCount = 3): Promise<WeakSpotPlan> {
  const cli = await openCliProfile(undefined).catch((error: unknown) => ({ error: (error as Error).message }));
  if ('error' in cli) return { ok: false, error: `${cli.error}; --due needs the sessions you practised` };
  try {
    const { profileProgress, weakSpotPlan } = await import('../server/profile-progress.js');
    const now = Date.now();
    const planned = weakSpotPlan(await profileProgress(cli.profiles, cli.profile.id, bank, now), bank, now, Math.min(10, questionCount), randomInt(2 ** 31));
    if (planned.ok) {
      const statements = new Map(planned.plan.questions.flatMap((q) => q.keyPoints.map((k) => [`${q.id}#${k.id}`, k.statement] as const)));
      console.log('Practising your weak spots:');
      for (const t of planned.targets) for (const k of t.keyPointIds) console.log(`  - ${statements.get(`${t.questionId}#${k}`) ?? k}`);
      console.log('');
    }
    return planned;
  } finally {
    await cli.close();
  }
}
