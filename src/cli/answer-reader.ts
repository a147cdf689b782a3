// Turns the terminal's lines into candidate input: an answer may run over several lines and ends at
// a blank line or /send; /hint, /skip, /retry and /end work on a line of their own (text not yet
// sent goes first). A paste reaches readline as many lines at once, blank lines between paragraphs
// included: on a terminal, a blank line ends the answer only when no more text follows within
// `pasteWindowMs`, so a pasted multi-paragraph answer stays one answer.

export type CandidateCommand = 'hint' | 'skip' | 'retry' | 'end';
export type CandidateInput = { kind: 'answer'; text: string } | { kind: 'command'; command: CandidateCommand };

export const COMMANDS: Record<string, CandidateCommand | 'send'> = { '/hint': 'hint', '/skip': 'skip', '/retry': 'retry', '/end': 'end', '/send': 'send' };

export interface AnswerReaderOptions {
  /** 0 (piped input): a blank line ends the answer at once. */
  pasteWindowMs: number;
  emit(input: CandidateInput): void;
}

export class AnswerReader {
  private lines: string[] = [];
  private blankTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: AnswerReaderOptions) {}

  /** True while an answer is being typed (some text, not yet sent). */
  get drafting(): boolean {
    return this.lines.length > 0;
  }

  line(raw: string): void {
    const text = raw.replace(/\s+$/, '');
    const command = COMMANDS[text.trim().toLowerCase()];
    if (this.blankTimer) {
      // More input right behind a blank line: a paste, so the blank line was a paragraph break.
      clearTimeout(this.blankTimer);
      this.blankTimer = undefined;
      if (text.trim() !== '' && !command) this.lines.push('');
    }
    if (command) {
      this.send();
      if (command !== 'send') this.options.emit({ kind: 'command', command });
      return;
    }
    if (text.trim() === '') return this.blank();
    this.lines.push(text);
  }

  /** End of input: whatever was typed is sent. */
  close(): void {
    if (this.blankTimer) clearTimeout(this.blankTimer);
    this.blankTimer = undefined;
    this.send();
  }

  private blank(): void {
    if (this.lines.length === 0) return;
    if (this.options.pasteWindowMs <= 0) return this.send();
    this.blankTimer = setTimeout(() => {
      this.blankTimer = undefined;
      this.send();
    }, this.options.pasteWindowMs);
  }

  private send(): void {
    const text = this.lines.join('\n').trim();
    this.lines = [];
    if (text !== '') this.options.emit({ kind: 'answer', text });
  }
}
