// A session connection for runner tests: records every frame (each parsed with the protocol schema,
// as a browser would receive it) and every close code.
import { ServerFrameSchema, type ServerFrame } from '../../src/protocol/ws-frames.js';
import type { SessionConnection } from '../../src/server/session-runner.js';

export function fakeConnection() {
  const frames: ServerFrame[] = [];
  const closes: number[] = [];
  const conn: SessionConnection = {
    send: (f) => void frames.push(ServerFrameSchema.parse(JSON.parse(JSON.stringify(f)))),
    close: (code) => void closes.push(code),
  };
  return { conn, frames, closes, types: () => frames.map((f) => f.type) };
}
