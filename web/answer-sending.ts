// The life of one answer from the box to the server: sending until acknowledged, the clientId kept
// for a resend of the same text (so the server stores it once), settled by the ack. Pure.

export interface Sent {
  clientId: string;
  text: string;
}

export class AnswerSending {
  /** Sent and not yet acknowledged. */
  pending: Sent | null = null;
  /** The last answer sent and not yet acknowledged, kept across a dropped connection. */
  private last: Sent | null = null;

  constructor(private readonly newId: () => string) {}

  /** Starts sending `text`; the same text as an unacknowledged send keeps that send's id. */
  begin(text: string): Sent {
    const sent = this.last && this.last.text === text ? this.last : { clientId: this.newId(), text };
    this.pending = this.last = sent;
    return sent;
  }

  /** The server acknowledged `clientId`: true when it is this box's answer (the box is cleared). */
  acked(clientId: string | null): Sent | null {
    const mine = clientId !== null && (clientId === this.pending?.clientId || clientId === this.last?.clientId) ? this.last : null;
    if (mine) this.pending = this.last = null;
    return mine;
  }

  /** The server refused the answer: it was not stored, so a resend gets a new id. */
  refused(): void {
    this.pending = this.last = null;
  }

  /** The connection dropped: true when an answer was waiting (it may or may not have been stored). */
  lost(): boolean {
    const was = this.pending !== null;
    this.pending = null;
    return was;
  }
}
