// What to tell the candidate when dictation stops, in plain words: the Web Speech API reports
// error codes ("not-allowed", "no-speech", ...) that mean nothing to a person. Pure, unit-tested.

const MESSAGES: Record<string, string> = {
  'not-allowed': 'The browser blocked the microphone: allow it in the site settings (the lock icon next to the address) and try again.',
  'service-not-allowed': 'Dictation is not available in this browser (its speech service is turned off). Type your answer instead.',
  'no-speech': 'No speech heard. Check that the microphone is on, press Dictate and start speaking.',
  'audio-capture': 'No microphone was found. Connect one (or allow this site to use it) and try again.',
  network: 'Dictation needs the browser’s online speech service, which could not be reached. Type your answer, or try again later.',
  'language-not-supported': 'Dictation is not available for this language in this browser. Type your answer instead.',
  aborted: 'Dictation stopped.',
};

/** Shown when the browser refuses to start recognition at all. */
export const DICTATION_UNAVAILABLE = 'Dictation is not available in this browser. Type your answer instead.';

/** The message for a dictation that ended: null error means it ended normally. */
export function dictationEndMessage(error: string | null): string {
  if (error === null) return 'Dictation stopped; edit the text, then send.';
  return MESSAGES[error] ?? 'Dictation stopped because of a problem in the browser. Type your answer, or try Dictate again.';
}
