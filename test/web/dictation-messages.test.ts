// Dictation errors reach the candidate in plain words, never as the browser's raw error code.
import { describe, expect, it } from 'vitest';
import { dictationEndMessage } from '../../web/dictation-messages.js';

describe('dictationEndMessage', () => {
  it.each([
    ['not-allowed', /^The browser blocked the microphone: allow it in the site settings \(the lock icon/],
    ['service-not-allowed', /^Dictation is not available in this browser/],
    ['no-speech', /^No speech heard\./],
    ['audio-capture', /^No microphone was found\./],
    ['network', /could not be reached/],
    ['something-new', /^Dictation stopped because of a problem in the browser\./],
  ])('%s', (code, expected) => {
    const message = dictationEndMessage(code);
    expect(message).toMatch(expected);
    expect(message).not.toContain(code === 'network' ? 'network:' : code);
  });

  it('says what to do next after a normal stop', () => {
    expect(dictationEndMessage(null)).toBe('Dictation stopped; edit the text, then send.');
  });
});
