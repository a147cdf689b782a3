// The profile API as the web app uses it: progress, claiming this browser's sessions, the
// weak-spots drill, deletion. Every body is parsed against src/protocol.
import { z } from 'zod';
import { ErrorBodySchema } from '../src/protocol/http.js';
import {
  ClaimResponseSchema,
  DeleteResponseSchema,
  ProfileViewSchema,
  ProgressSchema,
  WeakSpotsResponseSchema,
  type ClaimResponse,
  type DeleteResponse,
  type ProfileView,
  type ProgressData,
  type WeakSpotsResponse,
} from '../src/protocol/profile.js';
import { ApiError } from './api.js';

async function call<T>(schema: z.ZodType<T>, path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    throw new ApiError(0, 'network', `Could not reach the Probe server (${String(cause)}). Check that it is running, then try again.`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = ErrorBodySchema.safeParse(body);
    throw error.success ? new ApiError(response.status, error.data.error.code, error.data.error.message) : new ApiError(response.status, 'http', `The server answered ${response.status} for ${path}.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, 'bad-response', `The server's answer to ${path} is not what this page expects; reload the page.`);
  return parsed.data;
}

const jsonPost = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export const getProfile = (): Promise<ProfileView> => call(ProfileViewSchema, '/api/profile');
export const getProgress = (): Promise<ProgressData> => call(ProgressSchema, '/api/profile/progress');
export const claimSessions = (sessions: { id: string; token: string }[]): Promise<ClaimResponse> => call(ClaimResponseSchema, '/api/profile/claims', jsonPost({ sessions }));
export const startWeakSpots = (questionCount: number): Promise<WeakSpotsResponse> => call(WeakSpotsResponseSchema, '/api/profile/weak-spots', jsonPost({ questionCount }));
export const deleteServerSession = (id: string): Promise<DeleteResponse> => call(DeleteResponseSchema, `/api/profile/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const deleteProfile = (): Promise<DeleteResponse> => call(DeleteResponseSchema, '/api/profile', { method: 'DELETE' });
export const progressReportPath = (format: string): string => `/api/profile/progress/report?format=${encodeURIComponent(format)}`;
export const EXPORT_PATH = '/api/profile/export';
