// How terminal lines become answers: several lines per answer, a blank line or /send ends one,
// commands on their own line, and a pasted multi-paragraph answer stays one answer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnswerReader, type CandidateInput } from '../../src/cli/answer-reader.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function reader(pasteWindowMs: number) {
  const got: CandidateInput[] = [];
  return { got, r: new AnswerReader({ pasteWindowMs, emit: (i) => got.push(i) }) };
}
const answer = (text: string): CandidateInput => ({ kind: 'answer', text });

describe('AnswerReader', () => {
  it('joins lines into one answer until a blank line (piped input)', () => {
    const { got, r } = reader(0);
    for (const line of ['First line,', 'second line.', '', '', 'Next answer.', '']) r.line(line);
    expect(got).toEqual([answer('First line,\nsecond line.'), answer('Next answer.')]);
  });

  it('ends an answer at /send, and sends typed text before a command', () => {
    const { got, r } = reader(0);
    for (const line of ['Part one.', '/send', 'Half an answer', '/skip', '/hint', '/SEND']) r.line(line);
    expect(got).toEqual([answer('Part one.'), answer('Half an answer'), { kind: 'command', command: 'skip' }, { kind: 'command', command: 'hint' }]);
  });

  it('sends what was typed when input ends', () => {
    const { got, r } = reader(120);
    r.line('Unfinished thought');
    r.close();
    expect(got).toEqual([answer('Unfinished thought')]);
  });

  it('keeps a pasted two-paragraph answer whole: its lines arrive together', () => {
    const { got, r } = reader(120);
    // A paste reaches readline as all its lines at once, the blank line between paragraphs included.
    for (const line of ['Paragraph one, line one.', 'Line two.', '', 'Paragraph two.']) r.line(line);
    expect(got).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(got).toEqual([]);
    // The candidate then presses Enter on an empty line: after the window, the answer goes.
    r.line('');
    vi.advanceTimersByTime(119);
    expect(got).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(got).toEqual([answer('Paragraph one, line one.\nLine two.\n\nParagraph two.')]);
  });

  it('on a terminal, a typed blank line sends once the paste window has passed', () => {
    const { got, r } = reader(120);
    r.line('Typed by hand.');
    r.line('');
    vi.advanceTimersByTime(200);
    r.line('The answer to the next question.');
    r.line('');
    vi.advanceTimersByTime(200);
    expect(got).toEqual([answer('Typed by hand.'), answer('The answer to the next question.')]);
  });
});
