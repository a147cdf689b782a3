// One client's WebSocket: flood control and validation in front of the session runner, and the
// runner's way to send frames and close. Never throws into the socket library.
import type { Logger } from 'pino';
import type { WSContext } from 'hono/ws';
import { CloseCode, type ServerFrame } from '../protocol/ws-frames.js';
import { errorFrame } from './frames.js';
import { parseClientFrame } from './parse-client-frame.js';
import { RateLimiter } from './rate-limiter.js';
import type { SessionConnection, SessionRunner } from './session-runner.js';

export interface ConnectionLimits {
  maxAnswerChars: number;
  ratePerSecond: number;
  rateBurst: number;
}

const OPEN = 1;

export class ClientConnection implements SessionConnection {
  private readonly limiter: RateLimiter;
  private closed = false;

  constructor(
    private readonly ws: WSContext,
    private readonly runner: SessionRunner,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
  ) {
    this.limiter = new RateLimiter({ perSecond: limits.ratePerSecond, burst: limits.rateBurst });
  }

  send(frame: ServerFrame): void {
    if (this.closed || this.ws.readyState !== OPEN) return;
    this.ws.send(JSON.stringify(frame));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, reason);
  }

  /** Marks the socket gone (the client closed it). */
  gone(): void {
    this.closed = true;
  }

  receive(data: unknown): void {
    const decision = this.limiter.take();
    if (decision === 'disconnect') {
      this.log.warn({ session: this.runner.id }, 'client kept flooding after rate-limit warnings; disconnected');
      this.close(CloseCode.policy, 'too many frames; slow down, then reconnect and resume');
      return;
    }
    if (decision !== 'accept') {
      const rate = `${this.limits.ratePerSecond} frames per second (bursts of ${this.limits.rateBurst})`;
      if (decision === 'drop-and-warn') this.send(errorFrame('rate_limited', `too many frames: the limit is ${rate}; frames over it are dropped`));
      return;
    }
    const parsed = parseClientFrame(data, this.limits.maxAnswerChars);
    if (!parsed.ok) {
      this.send(errorFrame(parsed.code, parsed.message, parsed.inReplyTo));
      return;
    }
    this.runner.receive(this, parsed.frame).catch((error) => this.log.error({ err: error, session: this.runner.id }, 'frame handling failed'));
  }
}
