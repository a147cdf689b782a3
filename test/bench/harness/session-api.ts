// The HTTP side of a benchmark session: create it, and the WebSocket URL to open it.
import type { CreateSessionBody, CreateSessionResponse } from '../../../src/protocol/http.js';

export async function createSession(baseUrl: string, body: CreateSessionBody): Promise<CreateSessionResponse> {
  const res = await fetch(`${baseUrl}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST /api/sessions answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as CreateSessionResponse;
}

export const socketUrl = (baseUrl: string, s: Pick<CreateSessionResponse, 'websocket' | 'token'>): string =>
  `${baseUrl.replace(/^http/, 'ws')}${s.websocket}?token=${encodeURIComponent(s.token)}`;
