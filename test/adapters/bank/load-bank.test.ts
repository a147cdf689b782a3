import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bankJsonSchema } from '../../../src/adapters/bank/json-schema.js';
import { readBank } from '../../../src/adapters/bank/load-bank.js';
import { formatProblem } from '../../../src/engine/bank/validate-bank.js';
import { defaultBankDir } from '../../../src/paths.js';
import { GUIDE_HEADINGS } from '../../fixtures/guide-headings.js';

/** The big technical sections: two or more questions each, at different difficulties. */
const DEEP_SECTIONS = [
  'Understanding Generative Adversarial Networks',
  'The Training Process of a GAN',
  'Techniques to Prevent Mode Collapse',
  'Understanding Wasserstein GANs',
  'Introduction to Variational Autoencoders',
  'The Loss Function in Variational Autoencoders',
  'The Significance of the Latent Space in VAEs',
  'The Concept of Self-Attention in Generative Models',
  'Introduction to Transformers in Generative AI',
  'Evaluation Metrics for Generative Models',
  'Energy-Based Models and Score-Based Generative Models',
];

/** Beyond the guide: what generative-AI interviews ask today, found by tag or id. */
const MODERN_TOPICS = [/classifier-free|cfg/, /noise-schedule|schedule/, /tokeniz/, /decoding|top-p|nucleus/, /rlhf/, /dpo/, /rag|retrieval/, /lora|peft/, /hallucination/, /kv-cache/];

describe('the real bank', async () => {
  const { bank, problems } = await readBank(defaultBankDir());

  it('validates with no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('has at least 60 questions', () => expect(bank.questions.length).toBeGreaterThanOrEqual(60));

  it('covers every heading of the guide (38, listed in test/fixtures/guide-headings.ts)', () => {
    expect(GUIDE_HEADINGS).toHaveLength(38);
    expect(new Set(GUIDE_HEADINGS).size).toBe(38);
    const sources = new Set(bank.questions.map((q) => q.source));
    expect(GUIDE_HEADINGS.filter((h) => !sources.has(h))).toEqual([]);
  });

  it('uses only guide headings or beyond-guide as sources', () => {
    const allowed = new Set([...GUIDE_HEADINGS, 'beyond-guide']);
    expect(bank.questions.filter((q) => !allowed.has(q.source)).map((q) => `${q.id}: ${q.source}`)).toEqual([]);
  });

  it('asks two or more questions at different difficulties on each big technical section', () => {
    for (const section of DEEP_SECTIONS) {
      const levels = new Set(bank.questions.filter((q) => q.source === section).map((q) => q.difficulty));
      expect(levels.size, section).toBeGreaterThanOrEqual(2);
    }
  });

  it('goes beyond the guide to what interviews ask today', () => {
    const beyond = bank.questions.filter((q) => q.source === 'beyond-guide');
    for (const pattern of MODERN_TOPICS) {
      expect(beyond.some((q) => pattern.test([q.id, ...q.tags].join(' ').toLowerCase())), String(pattern)).toBe(true);
    }
  });

  it('gives every key point a cue and every question a depth or key point follow-up', () => {
    for (const q of bank.questions) {
      expect(q.keyPoints.every((k) => k.cues.length > 0)).toBe(true);
      expect(q.followUps.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('has behavioral questions scored with the STAR rubric', () => {
    const behavioral = bank.questions.filter((q) => q.kind === 'behavioral');
    expect(behavioral.length).toBeGreaterThanOrEqual(3);
    expect(new Set(behavioral.map((q) => q.rubric.id))).toEqual(new Set(['behavioral']));
  });

  it('keeps rubrics/schema.json in step with the zod schema', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../rubrics/schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(bankJsonSchema());
  });
});

describe('a broken bank', () => {
  it('reports every problem with file, question and field', async () => {
    const { problems } = await readBank(new URL('../../fixtures/bank-broken', import.meta.url).pathname);
    expect(problems.map(formatProblem).sort()).toEqual(
      [
        'bad-syntax.yaml: YAML does not parse: Flow map in block collection must be sufficiently indented and end with a } at line 2, column 1:',
        'broken.yaml: gan-one: key_points.2.cues: a key point needs at least one cue',
        'broken.yaml: gan-one: key_points.weight: key point weights sum to 0.9, expected 1',
        'broken.yaml: gan-one: follow_ups.1.target: names key point "missing-point", which this question does not have',
        'broken.yaml: gan-one: reference_answer: has 8 words, expected 80-250',
        'broken.yaml: gan-one: id: duplicate question id, first defined in broken.yaml',
        'broken.yaml: gan-one: topic: is "vaes" but the file\'s topic is "gans"',
        'broken.yaml: gan-one: key_points.p2: duplicate key point id',
        'broken.yaml: gan-one: rubric: unknown rubric "fancy" (known: technical)',
        'rubrics.yaml: rubrics.technical.criteria: criterion weights sum to 0.9, expected 1',
        'schema-errors.yaml: topic: Unrecognized key: "colour"',
        'schema-errors.yaml: topic: a file with questions needs a `topic:` header (id, title)',
        'schema-errors.yaml: vae-bad: difficulty: must be 1 (entry), 2 (mid) or 3 (senior)',
        'schema-errors.yaml: vae-bad: kind: Invalid option: expected one of "technical"|"behavioral"',
        'schema-errors.yaml: vae-bad: prompt: Too small: expected string to have >=10 characters',
        'schema-errors.yaml: vae-bad: key_points: needs 3 to 6 key points',
        'schema-errors.yaml: vae-bad: follow_ups: needs at least 2 follow-ups',
        'schema-errors.yaml: vae-bad: key_points.weight: key point weights sum to 0, expected 1',
        'schema-errors.yaml: vae-bad: reference_answer: has 1 words, expected 80-250',
      ].sort(),
    );
  });
});
