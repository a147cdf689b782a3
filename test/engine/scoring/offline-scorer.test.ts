import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../../src/engine/bank/schema.js';
import { scoreOffline } from '../../../src/engine/scoring/offline-scorer.js';
import { buildQuestionModel } from '../../../src/engine/scoring/question-model.js';
import { ScoreSchema } from '../../../src/engine/scoring/types.js';
import { KEY_POINTS, QUESTION, REFERENCE, score, statusOf } from './fixtures.js';

const GOOD =
  'Mode collapse is when the generator keeps producing the same output, a lack of diversity, because nothing rewards diversity. ' +
  "WGAN uses the Earth Mover's distance instead of JS divergence and keeps the critic Lipschitz with a gradient penalty.";

describe('key point matching', () => {
  it.each([
    // abbreviations and the names they stand for, both ways
    ['WGAN minimises the EMD between the distributions.', 'earth-mover', 'covered'],
    ["It minimises the Earth Mover's distance.", 'earth-mover', 'covered'],
    ['It uses the Wasserstein-1 distance.', 'earth-mover', 'covered'],
    // multi-word cue as a phrase, with a small gap, inflected, and hyphen vs space
    ['The samples show a lack of real diversity.', 'definition', 'covered'],
    ['The generator produces the same outputs again and again.', 'definition', 'covered'],
    ['Use weight-clipping on the critic.', 'lipschitz', 'covered'],
    // synonyms: "identical" for "same"
    ['The generator gives identical output for every input.', 'definition', 'covered'],
    // a single plain word is partial evidence only
    ['The critic should be Lipschitz.', 'lipschitz', 'partly'],
  ])('%s -> %s %s', (answer, id, status) => {
    expect(statusOf(score(answer), id)).toBe(status);
  });

  it('words of a cue scattered over two sentences are not the phrase', () => {
    const kp = score('The output was good. The same was true of the loss.').keyPoints.find((k) => k.id === 'definition');
    expect(kp?.status).not.toBe('covered');
    expect(kp?.matched).not.toContain('same output');
    expect(statusOf(score('The output was always the same.'), 'definition')).toBe('covered');
  });

  it('evidence spans are offsets into the original answer that hold the matching words', () => {
    const answer = '  “WGAN” — it uses the Earth Mover’s distance; the critic gets a gradient penalty.';
    const s = score(answer);
    const spans = s.keyPoints.flatMap((k) => k.evidence);
    expect(spans.length).toBeGreaterThan(0);
    for (const e of spans) expect(answer.slice(e.start, e.end)).toBe(e.text);
    const at = (text: string) => ({ start: answer.indexOf(text), end: answer.indexOf(text) + text.length, text });
    expect(at('Earth Mover’s distance').start).toBe(23);
    expect(s.keyPoints.find((k) => k.id === 'earth-mover')?.evidence).toEqual([at('Earth Mover’s distance')]);
    expect(s.keyPoints.find((k) => k.id === 'lipschitz')?.evidence).toEqual([at('gradient penalty')]);
  });

  it('reports the cues that matched', () => {
    const s = score(GOOD);
    expect(s.keyPoints.map((k) => k.status)).toEqual(['covered', 'covered', 'covered', 'covered']);
    expect(s.keyPoints.find((k) => k.id === 'lipschitz')?.matched).toEqual(['gradient penalty', 'Lipschitz']);
  });
});

describe('overall and criteria', () => {
  it('orders a full answer above a partial one above a wrong one', () => {
    const full = score(GOOD).overall;
    const partial = score('Mode collapse means the generator keeps producing the same output.').overall;
    const wrong = score('Mode collapse is when the discriminator learns too fast and the loss explodes.').overall;
    expect(full).toBeGreaterThan(80);
    expect(partial).toBeGreaterThan(25);
    expect(partial).toBeLessThan(full - 20);
    expect(wrong).toBeLessThan(partial);
  });

  it('a keyword dump scores far below an explanation with the same words', () => {
    const stuffed = score('generator discriminator same output lack of diversity EMD Wasserstein JS divergence Lipschitz gradient penalty weight clipping critic');
    expect(stuffed.flags).toEqual([]);
    expect(stuffed.overall).toBeLessThan(35);
    expect(stuffed.criteria.find((c) => c.id === 'clarity')?.reason).toBe('Reads as a list of keywords, not an explanation.');
    expect(score(GOOD).overall - stuffed.overall).toBeGreaterThan(45);
  });

  it('grades every criterion of the rubric 0-4 with a reason and returns a valid Score', () => {
    const s = score(GOOD);
    expect(ScoreSchema.parse(s)).toEqual(s);
    expect(s.scorer).toBe('offline');
    expect(s.criteria.map((c) => c.id)).toEqual(['accuracy', 'completeness', 'depth', 'clarity']);
    expect(s.criteria.find((c) => c.id === 'completeness')).toEqual({ id: 'completeness', name: 'Completeness', level: 4, reason: 'Covers 4 of 4 key points.' });
  });

  it('a true statement of the reference is never read as a contradiction', () => {
    // "nothing rewards diversity" once read as denying the definition's cue "lack of diversity".
    const s = score('Each sample is judged on its own, so nothing rewards diversity.');
    expect(s.keyPoints.filter((k) => k.negated)).toEqual([]);
  });

  it('a contradiction lowers accuracy', () => {
    const s = score('In mode collapse the generator does not produce few distinct outputs; the critic does not need to be Lipschitz.');
    expect(s.keyPoints[0]).toMatchObject({ id: 'definition', status: 'missed', negated: true });
    expect(s.keyPoints[3]).toMatchObject({ id: 'lipschitz', status: 'missed', negated: true });
    expect(s.criteria.find((c) => c.id === 'accuracy')).toMatchObject({ level: 0, reason: 'States the opposite of at least one key point.' });
  });

  it('follows a custom rubric, estimating unknown criteria from coverage', () => {
    const rubric: Rubric = {
      id: 'custom',
      kind: 'technical',
      title: 'Custom',
      criteria: [
        { id: 'accuracy', name: 'Accuracy', weight: 0.5, levels: ['0', '1', '2', '3', '4'] },
        { id: 'insight', name: 'Insight', weight: 0.5, levels: ['0', '1', '2', '3', '4'] },
      ],
    };
    const s = score(GOOD, { rubric });
    expect(s.criteria.map((c) => [c.id, c.level])).toEqual([['accuracy', 4], ['insight', 4]]);
    expect(s.criteria[1]?.reason).toBe('No offline signal for this criterion; estimated from key point coverage.');
  });

  it('scores a behavioral answer on STAR signals', () => {
    const star: Rubric = {
      id: 'behavioral',
      kind: 'behavioral',
      title: 'STAR',
      criteria: ['situation', 'action', 'result', 'reflection'].map((id) => ({ id, name: id, weight: 0.25, levels: ['0', '1', '2', '3', '4'] as [string, string, string, string, string] })),
    };
    const ask = (answer: string) => scoreOffline({ question: 'Tell me about a time a model failed in production.', reference: 'A specific incident, what you did, the result and what you learned.', rubric: star, answer });
    const strong = ask(
      'At my previous company our team shipped a RAG chatbot before a launch deadline and it started hallucinating prices. ' +
        'I decided to add retrieval checks and I wrote an evaluation set of 300 questions so that we could measure faithfulness. ' +
        'As a result hallucinated answers dropped from 12% to 2% and support tickets fell by 30%. ' +
        'I learned to build the eval set first; since then I start every project with one.',
    );
    const thin = ask('We had a problem with the model and it was fixed eventually and everyone was happy with it.');
    // Action stops at 3: two steps of their own with one reason (star-story.ts counts them); reflection
    // stops at 3: a specific lesson, but nothing on what they would do differently.
    expect(strong.criteria.map((c) => c.level)).toEqual([4, 3, 4, 3]);
    expect(thin.criteria.map((c) => c.level).every((level) => level <= 2)).toBe(true);
    expect(strong.overall).toBeGreaterThan(thin.overall + 40);
  });
});

describe('references and derived key points', () => {
  it('derives key points from the reference when none are given', () => {
    const s = scoreOffline({ question: QUESTION, reference: REFERENCE, answer: GOOD });
    expect(s.keyPoints.map((k) => k.id)).toEqual(['ref-1', 'ref-2', 'ref-3']);
    expect(s.keyPoints.reduce((sum, k) => sum + k.weight, 0)).toBeCloseTo(1, 9);
    expect(s.keyPoints[0]?.statement).toBe('Mode collapse is when the generator produces only a few distinct outputs, ignoring most modes of the data.');
  });

  it('grades against the best-matching of several references', () => {
    const refs = ['The bulb is damaged.', 'The terminals are not connected.'];
    const ask = (answer: string) => scoreOffline({ question: 'What does a reading of 1.5 V tell you about the terminals?', reference: refs, answer });
    const notConnected = ask('They are not connected to each other.');
    expect(notConnected.keyPoints.map((k) => [k.id, k.status])).toEqual([['ref-2-1', 'covered']]);
    expect(ask('The terminals are connected.').overall).toBeLessThan(notConnected.overall - 40);
  });

  it('is deterministic: same input, same score, with or without the question cache', () => {
    const first = score(GOOD);
    const again = score(GOOD);
    expect(again).toEqual(first);
    const fresh = buildQuestionModel({ question: QUESTION, reference: REFERENCE, keyPoints: KEY_POINTS });
    expect(fresh.variants[0]?.keyPoints.map((k) => k.keyPoint.id)).toEqual(KEY_POINTS.map((k) => k.id));
    expect(JSON.stringify(scoreOffline({ question: QUESTION, reference: REFERENCE, keyPoints: structuredClone(KEY_POINTS), answer: GOOD }))).toBe(JSON.stringify(first));
  });
});
