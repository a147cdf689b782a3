// The line guard stops a streamed line that repeats 8+ words of the reference answer (mock mode) or
// states a score, before the offending words are shown, and lets ordinary lines through whole.
import { describe, expect, it } from 'vitest';
import { createLineGuard, REVEAL_RUN_WORDS } from '../../../src/adapters/llm/line-guard.js';

const REFERENCE = 'Mode collapse is when the generator learns to produce only a few kinds of outputs, covering a small part of the data distribution.';

function stream(text: string, options: { secret?: string[]; seen?: string[] } = {}) {
  const guard = createLineGuard({ secret: options.secret ?? [REFERENCE], seen: options.seen ?? [] });
  let shown = '';
  for (const token of text.match(/\s*\S+\s*/g) ?? []) {
    shown += guard.push(token);
    if (guard.problem) break;
  }
  if (!guard.problem) shown += guard.flush();
  return { shown, problem: guard.problem };
}

describe('line guard: reveals (mock mode)', () => {
  it('lets a line without a long run of the reference through, whole', () => {
    const line = 'You said the generator gets stuck. What does its output look like when that happens, and why might the discriminator let it?';
    expect(stream(line)).toEqual({ shown: line, problem: undefined });
  });

  it(`stops a line with ${REVEAL_RUN_WORDS} consecutive words of the reference before any of the run is shown`, () => {
    const { shown, problem } = stream('Right. So, is it true that the generator learns to produce only a few kinds of outputs? Tell me more.');
    expect(problem).toBe('gave away the reference answer');
    expect(shown).toBe('Right. So, is it true that ');
  });

  it('ignores case and punctuation when comparing words', () => {
    expect(stream('Think: Covering A Small Part Of The Data Distribution, right?').problem).toBe('gave away the reference answer');
  });

  it('allows a run the candidate has already seen or said', () => {
    const answer = 'I think the generator learns to produce only a few kinds of outputs.';
    expect(stream('You said the generator learns to produce only a few kinds of outputs; why?', { seen: [answer] }).problem).toBeUndefined();
  });

  it('allows seven words of the reference in a row', () => {
    expect(stream('So the generator learns to produce only a different thing?').problem).toBeUndefined();
  });
});

describe('line guard: scores', () => {
  it.each(['You scored 85% on that one.', 'I would give that answer a 7/10, nice work.', 'That was about 3 out of 5 for me.', 'Your score on the last question was 62, well done.'])(
    'stops %j before the number is shown',
    (line) => {
      const { shown, problem } = stream(line, { secret: [] });
      expect(problem).toBe('stated a score');
      expect(shown).not.toMatch(/\d/);
    },
  );

  it.each(['Thanks for joining. We have 3 questions today.', 'Question 2 was about attention; you covered it well.'])('lets %j through', (line) => {
    expect(stream(line, { secret: [] })).toEqual({ shown: line, problem: undefined });
  });

  it('holds back only the last few words when there is no reference to protect (drill mode, closing)', () => {
    const guard = createLineGuard({ secret: [], seen: [] });
    expect(guard.push('One two three four five six ')).toBe('One two ');
    expect(guard.flush()).toBe('three four five six ');
  });
});

describe('line guard: words split across deltas', () => {
  const lines = [
    'Right. So, is it true that the generator learns to produce only a few kinds of outputs? Tell me more.',
    "You didn't say why it happens; what does the generator's output look like then?",
    'That was about 3 out of 5 for me.',
    'Thanks. Next, tell me how you would check it in practice.',
  ];

  it.each([1, 2, 3, 7])('gives the same verdict and shows the same text when the line arrives %i characters at a time', (size) => {
    for (const line of lines) {
      const whole = stream(line);
      const guard = createLineGuard({ secret: [REFERENCE], seen: [] });
      let shown = '';
      for (let i = 0; i < line.length && !guard.problem; i += size) shown += guard.push(line.slice(i, i + size));
      if (!guard.problem) shown += guard.flush();
      expect(guard.problem).toBe(whole.problem);
      if (!whole.problem) expect(shown).toBe(line);
      // Nothing of the offending run is shown, however the line was split.
      if (whole.problem === 'gave away the reference answer') expect(shown).not.toContain('only a few kinds');
    }
  });

  it("reads a word that grows across deltas (\"don'\" then \"t\") as one word", () => {
    const guard = createLineGuard({ secret: ["Often you don't know what the generator learns to produce."], seen: [] });
    let shown = '';
    for (const piece of ['So you ', "don'", 't know what the generator ', 'learns to produce?']) shown += guard.push(piece);
    expect(guard.problem).toBe('gave away the reference answer');
    expect(shown).toBe('');
  });

  it("guards a question's texts given as one group as it guards them one by one", () => {
    const keyPoint = 'The discriminator adapts and the generator hops to another mode of the data.';
    for (const line of ['Right, so the discriminator adapts and the generator hops to another mode; why?', 'Is it true that the generator learns to produce only a few kinds of outputs?', 'What happens to the samples then?']) {
      const apart = stream(line, { secret: [REFERENCE, keyPoint] });
      const grouped = createLineGuard({ secret: [[REFERENCE, keyPoint]], seen: [] });
      let shown = '';
      for (const token of line.match(/\s*\S+\s*/g) ?? []) {
        shown += grouped.push(token);
        if (grouped.problem) break;
      }
      if (!grouped.problem) shown += grouped.flush();
      expect({ shown, problem: grouped.problem }).toEqual(apart);
    }
  });
});

