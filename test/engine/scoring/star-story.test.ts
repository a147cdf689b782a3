// The story reader (star-story.ts) as a table: sentences in, who did what out. Folded (lowercase) text
// is what the scorer passes; these inputs are written folded.
import { describe, expect, it } from 'vitest';
import { readStory } from '../../../src/engine/scoring/star-story.js';

describe('readStory: actions', () => {
  it.each([
    ['i pulled the logs and compared them with clean runs.', 2, 0],
    ['i first rolled it back, then i wrote a test.', 2, 0],
    ['we pulled the logs and compared them with clean runs.', 0, 2],
    ['the team adopted it and we rolled it out.', 0, 2],
    ['i compared a distilled model and a quantised one, and showed the results to finance.', 2, 0],
    ['the error rate dropped and latency improved.', 0, 0],
    ['when i joined the company, i inherited a pipeline.', 0, 0],
    ['if i went to one, i would talk to the speaker.', 0, 0],
  ])('%s -> own %i, team %i', (text, own, team) => {
    const s = readStory(text);
    expect([s.ownActions, s.teamActions]).toEqual([own, team]);
  });

  it('counts a verb once however often it is said', () => {
    expect(readStory('i added a test. i added an alert. i added a dashboard.').ownActions).toBe(1);
  });

  it('reads "I never built", "I didn\'t ask" as actions not taken', () => {
    expect(readStory("i never built anything and i didn't ask anyone.").negatedActions).toBe(2);
  });
});

describe('readStory: hypotheticals', () => {
  it('counts "I would" / "I\'d" plans as hypothetical, not as a story', () => {
    const s = readStory("i would roll back first. then i'd look at the logs and add monitoring.");
    expect(s).toMatchObject({ hypothetical: 2, narrative: 0, ownActions: 0 });
  });

  it('does not count a retrospective "I would" (next time, again) as a plan', () => {
    const s = readStory('i shipped it in may. next time i would build the test set first.');
    expect(s.hypothetical).toBe(0);
    expect(s.reflection).toBe(1);
  });

  it('does not count a decline ("I\'d rather not ...") even as a generic plan', () => {
    expect(readStory("i haven't built one, so i'd rather not invent a story.").hypothetical).toBe(0);
  });
});

describe('readStory: results', () => {
  it('takes a change stated after the actions as a result, measured when it has a number', () => {
    const s = readStory('i rewrote the prompt. errors dropped from 9 to 2 percent.');
    expect(s).toMatchObject({ results: 1, measured: true });
  });

  it('does not take a number in the setting, before any action, as a result', () => {
    const s = readStory('the error rate increased to 18 percent in a day. i rolled back and investigated.');
    expect(s.results).toBe(0);
  });

  it('reads a labelled "Result:" part as a result', () => {
    expect(readStory('action: i built a test set. result: it went fine.').results).toBeGreaterThanOrEqual(1);
  });

  it('notes a denied outcome ("nothing changed", "wasn\'t really on me")', () => {
    expect(readStory("i waited. in the end it wasn't really on me, and nothing changed.").deniesOutcome).toBe(true);
  });
});

describe('readStory: reflection', () => {
  it.each([
    ['i shipped it. looking back, i should have tested long inputs.', 1, 0],
    ['i shipped it. since then i start every project with an eval set.', 1, 0],
    ['we shipped it. the team now reviews every retrain before it ships.', 0, 1],
    ['we shipped it. next time we would fix the split first.', 0, 1],
  ])('%s -> own %i, team %i', (text, own, team) => {
    const s = readStory(text);
    expect([s.reflection, s.teamReflection]).toEqual([own, team]);
  });
});
