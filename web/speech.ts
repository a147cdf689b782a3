// Voice: dictation through the Web Speech API's recognition where the browser has it, and reading
// interviewer lines aloud through speech synthesis. Both are optional; callers hide what is missing.

interface RecognitionResult {
  readonly isFinal: boolean;
  readonly length: number;
  [index: number]: { transcript: string };
}
interface RecognitionEvent {
  readonly resultIndex: number;
  readonly results: { readonly length: number; [index: number]: RecognitionResult };
}
interface Recognition {
  continuous: boolean;
  interimResults: boolean;
  lang: string;
  onresult: ((event: RecognitionEvent) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionCtor = new () => Recognition;

function recognitionCtor(): RecognitionCtor | undefined {
  const w = window as unknown as { SpeechRecognition?: RecognitionCtor; webkitSpeechRecognition?: RecognitionCtor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

/** True where the browser offers speech recognition. */
export const canDictate = (): boolean => recognitionCtor() !== undefined;

export interface Dictation {
  stop(): void;
}

export interface DictationHandlers {
  /** The text recognised so far in this dictation (final parts plus the current guess). */
  onText(text: string): void;
  onEnd(error: string | null): void;
}

/** Starts dictation; the transcript goes to `onText` for the candidate to edit before sending. */
export function startDictation(handlers: DictationHandlers, lang = navigator.language || 'en-US'): Dictation | null {
  const Ctor = recognitionCtor();
  if (!Ctor) return null;
  const recognition = new Ctor();
  recognition.continuous = true;
  recognition.interimResults = true;
  recognition.lang = lang;
  let finalText = '';
  let error: string | null = null;
  recognition.onresult = (event) => {
    let interim = '';
    for (let i = event.resultIndex; i < event.results.length; i += 1) {
      const result = event.results[i];
      if (!result) continue;
      const text = result[0]?.transcript ?? '';
      if (result.isFinal) finalText += text;
      else interim += text;
    }
    handlers.onText((finalText + interim).trim());
  };
  recognition.onerror = (event) => {
    error = event.error;
  };
  recognition.onend = () => handlers.onEnd(error);
  try {
    recognition.start();
  } catch {
    // Starting can throw where recognition exists but is switched off; the caller says so in words.
    return null;
  }
  return { stop: () => recognition.stop() };
}

/** True where the browser can read text aloud. */
export const canSpeak = (): boolean => typeof window.speechSynthesis !== 'undefined' && typeof window.SpeechSynthesisUtterance !== 'undefined';

/** Reads `text` aloud, cutting off whatever was being read. */
export function speak(text: string): void {
  if (!canSpeak()) return;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
}

export function stopSpeaking(): void {
  if (canSpeak()) window.speechSynthesis.cancel();
}
