// The stored sessions the report is tested on: an offline mock interview (real offline scorer), a
// drill with probes and a hint, an LLM session with fallbacks, and sessions ended early.
// Answers carry hostile text so every renderer's escaping is exercised on real report data.
import type { Bank } from '../../../src/engine/bank/schema.js';
import { offlineEvaluation } from '../../../src/engine/interviewer/offline-interviewer.js';
import { offlineDecide } from '../../../src/engine/interviewer/offline-decide.js';
import { offlineLine } from '../../../src/engine/interviewer/offline-lines.js';
import type { Evaluation } from '../../../src/engine/scoring/types.js';
import { cueJudge, cueScore } from './cue-judge.js';
import { planOf, Session } from './sessions.js';

export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert("pwned")</script>',
  link: '[click me](javascript:alert(1))',
  table: '| col | evil |\n|---|---|\n| 1 | 2 |',
  heading: '# Not a heading',
  iframe: '<iframe src="https://evil.example/x"></iframe>',
  handler: '<b onmouseover=alert(1)>great</b>',
  url: 'https://evil.example/track',
};

/** Offline mock: gan-what-is-a-gan answered (with a follow-up), vae-elbo-loss answered, tf-decoding-strategies skipped. */
export function offlineMock(bank: Bank): Session {
  const plan = planOf(bank, ['gan-what-is-a-gan', 'vae-elbo-loss', 'tf-decoding-strategies'], { mode: 'mock', maxFollowUps: 1 });
  const s = new Session(plan, { judge: (question, answer) => offlineEvaluation({ question, answer }) }, 'offline-mock');
  s.start();
  s.answer(
    `A GAN has two networks: a generator that turns random noise into samples and a discriminator that says real or fake. ${HOSTILE.img}\n` +
      `They play a minimax game where the generator tries to fool the discriminator. ${HOSTILE.script}\n${HOSTILE.link}\n${HOSTILE.table}\n${HOSTILE.heading}\n` +
      'Some **bold** and _underscores_ and `code` and a url www.evil.example too.',
  );
  s.answer('At the equilibrium the discriminator outputs one half because it cannot tell real from generated samples.');
  s.answer('The loss is the reconstruction loss plus the KL divergence to a standard normal prior; together they form the ELBO, a lower bound on the log likelihood.');
  if (s.state.phase === 'answering' && s.state.current === 1) s.act('skip');
  s.act('skip');
  return s;
}

/** Drill: vae-vs-autoencoder needs 1, 2 and 1 probes (and a hint); gan-conditional-gans is left with a gap. */
export function drill(bank: Bank): Session {
  const plan = planOf(bank, ['vae-vs-autoencoder', 'gan-conditional-gans'], { mode: 'drill', maxFollowUps: 4 });
  const s = new Session(plan, { judge: cueJudge }, 'drill-1');
  s.start();
  s.answer('A plain autoencoder is deterministic: each input maps to a single point, so the latent space has holes.');
  s.act('hint');
  s.answer('The VAE encoder outputs a mean and variance, so it encodes a distribution per input.');
  s.answer('Hmm, I am not sure what else to add here.');
  s.answer('You can decode a random z to get new samples, and the latent space is smooth.');
  s.answer('The KL term pulls each code toward a standard normal prior.');
  s.answer(
    'A conditional GAN feeds the label to both networks: the discriminator also sees the label and must reject a mismatched pair. ' +
      'That gives controllable output on demand. The label goes in as a one-hot vector or an embedding.',
  );
  s.act('skip');
  return s;
}

export const TEST_MODEL = 'test-model';
export const LINE_USAGE = { promptTokens: 120, completionTokens: 30 };
export const DECIDE_USAGE = { promptTokens: 80, completionTokens: 10 };
export const JUDGE_USAGE = { promptTokens: 400, completionTokens: 150 };
export const LINE_FALLBACK = 'LLM timed out after 20000 ms';
export const JUDGE_FALLBACK = 'judge output invalid: "criteria" is missing';
export const DROPPED_QUOTE = `we divide by the temperature ${HOSTILE.script}`;

/** The scripted LLM judge: question 1 scored by the LLM (25 below the offline scorer, a dropped claim), question 2 fell back. */
function llmJudge(question: Parameters<typeof cueJudge>[0], answer: string, index: number): Evaluation {
  const offline = cueScore(question, answer);
  if (index === 1) return { score: offline, offline, model: TEST_MODEL, fallback: JUDGE_FALLBACK, droppedClaims: [], disagreement: false };
  const llm = cueScore(question, answer, 'llm');
  const criteria = llm.criteria.map((c, i) => (i === 0 ? { ...c, reason: `Mostly right. ${HOSTILE.handler}` } : c));
  return {
    score: { ...llm, overall: Math.max(0, llm.overall - 25), criteria },
    offline,
    model: TEST_MODEL,
    droppedClaims: [{ keyPointId: 'scaling-sqrt-dk', quote: DROPPED_QUOTE }],
    disagreement: true,
    usage: JUDGE_USAGE,
  };
}

/** LLM mock: lines, decisions and (question 1) scores by "llm:test-model"; follow-up lines and question 2's score fell back. */
export function llmWithFallback(bank: Bank): Session {
  const plan = planOf(bank, ['tf-self-attention-qkv', 'llm-rag-design'], { mode: 'mock', maxFollowUps: 1 });
  const s = new Session(
    plan,
    {
      judge: llmJudge,
      line: (input) =>
        input.request.kind === 'follow-up'
          ? { text: offlineLine(input), by: 'offline', fallback: LINE_FALLBACK }
          : { text: `${offlineLine(input)}${input.request.kind === 'opening' ? ` ${HOSTILE.iframe}` : ''}`, by: `llm:${TEST_MODEL}`, usage: LINE_USAGE },
      decide: (input) => ({ decision: offlineDecide(input), by: `llm:${TEST_MODEL}`, usage: DECIDE_USAGE }),
    },
    'llm-1',
  );
  s.start();
  s.answer(
    `Each token is projected into a query, key and value with learned projection matrices. ${HOSTILE.img} ` +
      'The attention score is the dot product of a query with every key, and a softmax turns the scores into attention weights.',
  );
  s.answer('The scores are scaled by the square root of d_k so the softmax does not saturate.');
  s.answer(
    'Split the documents into pieces with some overlap, embed them with an embedding model into a vector store, retrieve the top-k with hybrid search and a reranker, ' +
      'and tell the model to answer only from the context and cite sources.',
  );
  s.answer(`It can fail through lost in the middle. ${HOSTILE.iframe} See ${HOSTILE.url}`);
  return s;
}

/**
 * Mock ended by the candidate on question 2, after answering question 1. The answer hits exactly one
 * cue of is-needs-no-real-data ("only generated images"), so that point stays partly covered and the
 * hand-checked numbers hold (70, two gaps) whatever else the bank's cues come to say.
 */
export function endedAfterOne(bank: Bank): Session {
  const plan = planOf(bank, ['eval-is-vs-fid', 'gan-training-loop', 'llm-zero-shot'], { mode: 'mock', maxFollowUps: 0 });
  const s = new Session(plan, { judge: cueJudge }, 'ended-1');
  s.start();
  s.answer(
    'The Inception Score rewards a confident prediction per image and many classes overall; it needs only generated images. ' +
      'FID compares the mean and covariance of Inception features of real and generated images.',
  );
  s.act('end');
  return s;
}

/** Mock ended before any answer. */
export function endedBeforeAnswering(bank: Bank): Session {
  const plan = planOf(bank, ['eval-is-vs-fid', 'gan-training-loop'], { mode: 'mock' });
  const s = new Session(plan, { judge: cueJudge }, 'ended-0');
  s.start();
  s.act('end');
  return s;
}
