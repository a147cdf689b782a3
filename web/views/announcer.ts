// The aria-live region for new interviewer lines, which also reads questions aloud when chosen.
import { h } from '../dom.js';
import { speak, stopSpeaking } from '../speech.js';

export interface Announcer {
  element: HTMLElement;
  /** Announces `text`; `readAloud` also speaks it. */
  say(text: string, readAloud: boolean): void;
  dispose(): void;
}

/** Replays arrive in a burst: only the last line of a burst (150 ms apart) is announced and read aloud. */
export function createAnnouncer(quietMs = 150): Announcer {
  const element = h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'announcer' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    element,
    say(text, readAloud) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        element.textContent = text;
        if (readAloud) speak(text);
      }, quietMs);
    },
    dispose() {
      clearTimeout(timer);
      stopSpeaking();
    },
  };
}
