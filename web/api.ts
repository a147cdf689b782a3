// The HTTP API as the web app uses it: every response body is parsed against src/protocol.
import { z } from 'zod';
import {
  CreateSessionResponseSchema,
  ErrorBodySchema,
  ServerInfoSchema,
  SessionViewSchema,
  TopicViewSchema,
  type CreateSessionBody,
  type CreateSessionResponse,
  type ServerInfo,
  type SessionView,
  type TopicView,
} from '../src/protocol/http.js';
import { ReportSchema, type Report } from '../src/engine/report/report-schema.js';

/** A failed API call, with the server's code and message when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request(path: string, init: RequestInit = {}, token?: string): Promise<Response> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (cause) {
    throw new ApiError(0, 'network', `Could not reach the Probe server (${String(cause)}). Check that it is running, then try again.`);
  }
  if (response.ok) return response;
  const body = ErrorBodySchema.safeParse(await response.json().catch(() => null));
  if (body.success) throw new ApiError(response.status, body.data.error.code, body.data.error.message);
  throw new ApiError(response.status, 'http', `The server answered ${response.status} ${response.statusText} for ${path}.`);
}

async function json<T>(schema: z.ZodType<T>, path: string, init?: RequestInit, token?: string): Promise<T> {
  const response = await request(path, init, token);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new ApiError(response.status, 'bad-response', `The server's answer to ${path} is not what this page expects; reload the page (the server may have been updated).`);
  return parsed.data;
}

const TopicListSchema = z.union([z.array(TopicViewSchema), z.object({ topics: z.array(TopicViewSchema) }).transform((b) => b.topics)]);

export const getInfo = (): Promise<ServerInfo> => json(ServerInfoSchema, '/api/info');

export const getTopics = (): Promise<TopicView[]> => json(TopicListSchema, '/api/topics');

export const createSession = (body: CreateSessionBody): Promise<CreateSessionResponse> =>
  json(CreateSessionResponseSchema, '/api/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export const getSessionView = (id: string, token: string): Promise<SessionView> => json(SessionViewSchema, `/api/sessions/${encodeURIComponent(id)}`, {}, token);

export const reportPath = (id: string, format: string): string => `/api/sessions/${encodeURIComponent(id)}/report?format=${encodeURIComponent(format)}`;

export const getReport = (id: string, token: string): Promise<Report> => json(ReportSchema, reportPath(id, 'json'), {}, token);

/** The file name a Content-Disposition header suggests, if any. */
export function dispositionFilename(header: string | null): string | null {
  const match = /filename="([^"]+)"/.exec(header ?? '') ?? /filename=([^;\s]+)/.exec(header ?? '');
  return match?.[1] ?? null;
}

/** Fetches a report file with the token (a plain link could not send it) and saves it. */
export async function downloadReport(path: string, token: string, fallbackName: string): Promise<void> {
  const response = await request(path, {}, token);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = dispositionFilename(response.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
