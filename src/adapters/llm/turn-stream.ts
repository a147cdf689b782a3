// Splits one streamed reply into its two parts: the JSON object that opens it (the judgement and
// the decision) and the line that follows. The object is handed over as soon as its closing brace
// arrives; the line's pieces are queued for whoever relays them, who may start before or after they come.

/** Finds where the first top-level JSON object of a growing text ends (strings and escapes understood). */
export class JsonObjectEnd {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scanned = 0;
  /** Index just past the object's closing brace, once it has arrived. */
  end: number | undefined;

  /** Scans what `text` added since the last call; true once the object is complete. */
  scan(text: string): boolean {
    for (; this.end === undefined && this.scanned < text.length; this.scanned += 1) {
      const c = text[this.scanned];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
      } else if (c === '"' && this.depth > 0) this.inString = true;
      else if (c === '{') this.depth += 1;
      else if (c === '}' && this.depth > 0 && --this.depth === 0) this.end = this.scanned + 1;
    }
    return this.end !== undefined;
  }
}

/** How the stream ended for the line: completely, or with the reason it is unusable. */
export type LineEnd = { ok: true } | { ok: false; reason: string };

/** The line's pieces as they arrive, for one reader. */
export class LineFeed {
  private pieces: string[] = [];
  private ended: LineEnd | undefined;
  private wake: (() => void) | undefined;
  /** Leading blanks and a closing code fence between the object and the line are dropped. */
  private started = false;
  private lead = '';

  push(piece: string): void {
    if (!this.started) {
      this.lead += piece;
      const rest = this.lead.replace(/^[\s`]+/, '');
      if (rest === '') return;
      this.started = true;
      piece = rest;
    }
    this.pieces.push(piece);
    this.wake?.();
  }

  end(how: LineEnd): void {
    this.ended ??= how;
    this.wake?.();
  }

  /** The next pieces (all that arrived), or how the line ended once nothing more will come. */
  async next(): Promise<{ pieces: string[] } | { end: LineEnd }> {
    while (this.pieces.length === 0 && !this.ended) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = undefined;
    if (this.pieces.length > 0) return { pieces: this.pieces.splice(0) };
    return { end: this.ended as LineEnd };
  }
}
