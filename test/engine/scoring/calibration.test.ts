// Calibration on the real bank: the 0-100 score should order answers the way an interviewer would.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../src/adapters/bank/load-bank.js';
import { scoreOffline } from '../../../src/engine/scoring/offline-scorer.js';
import { defaultBankDir } from '../../../src/paths.js';

const bank = await loadBank(defaultBankDir());
const q = bank.questions.find((x) => x.id === 'gan-image-translation');
if (!q) throw new Error('bank question gan-image-translation is missing');
const score = (answer: string) => scoreOffline({ question: q.prompt, reference: q.referenceAnswer, keyPoints: q.keyPoints, rubric: q.rubric, answer });

describe('offline score calibration on a bank question', () => {
  it('a terse but correct sentence is not treated as a keyword list', () => {
    const s = score('Pix2pix needs paired images; CycleGAN works with unpaired data using a cycle-consistency loss.');
    expect(s.keyPoints.filter((k) => k.status === 'covered').map((k) => k.id)).toEqual(['paired-vs-unpaired', 'cycle-consistency']);
    expect(s.overall).toBeGreaterThan(50);
  });

  it('a bare run of keywords still is', () => {
    const s = score('pix2pix, paired, cyclegan, unpaired, cycle consistency, patchgan, u-net, l1 loss, identity loss');
    const sentence = score('Pix2pix needs paired images; CycleGAN works with unpaired data using a cycle-consistency loss.');
    expect(s.overall).toBeLessThan(sentence.overall);
  });

  it('a well-formed answer about something else earns nothing for its form', () => {
    const s = score('I would start with the generator. It is a good idea to think about the problem carefully before coding.');
    expect(s.keyPoints.every((k) => k.status === 'missed')).toBe(true);
    expect(s.overall).toBeLessThan(15);
  });

  it('an answer about nothing in the question is flagged off-topic and scores near zero', () => {
    const s = score('Bananas are yellow, my phone is new, and I really like long trains on sunny holidays.');
    expect(s.flags).toContain('off-topic');
    expect(s.overall).toBeLessThan(5);
  });

  it('the reference answer itself scores high, a partial one in between', () => {
    const full = score(q.referenceAnswer).overall;
    const partial = score(q.referenceAnswer.split('. ').slice(0, 2).join('. ')).overall;
    expect(full).toBeGreaterThan(80);
    expect(partial).toBeGreaterThan(20);
    expect(partial).toBeLessThan(full);
  });
});
