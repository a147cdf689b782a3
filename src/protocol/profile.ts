// HTTP bodies of /api/profile: the caller's profile, claiming sessions, deletion, export.
import { z } from 'zod';
import { CreateSessionResponseSchema } from './http.js';

/** POST /api/profile/claims: sessions this browser holds, with their tokens, to bring into the profile. */
export const ClaimBodySchema = z.strictObject({
  sessions: z
    .array(z.strictObject({ id: z.string().min(1).max(100), token: z.string().min(1).max(200) }))
    .max(100, { error: 'send at most 100 sessions per claim' }),
});
export type ClaimBody = z.infer<typeof ClaimBodySchema>;

export const ClaimResponseSchema = z.object({
  /** Now in the profile, or already there. */
  claimed: z.array(z.string()),
  /** Unknown, wrong token, or another profile's: the browser should forget these. */
  refused: z.array(z.string()),
});
export type ClaimResponse = z.infer<typeof ClaimResponseSchema>;

export const ProfileSessionSchema = z.object({
  id: z.string(),
  mode: z.enum(['mock', 'drill']),
  status: z.enum(['active', 'ended']),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
  topics: z.array(z.string()),
  questionCount: z.number().int(),
});
export type ProfileSession = z.infer<typeof ProfileSessionSchema>;

export const ProfileViewSchema = z.object({
  subject: z.string(),
  createdAt: z.string(),
  /** "local": no sign-in on this machine; "proxy": signed in through the sign-in proxy. */
  signIn: z.enum(['local', 'proxy']),
  sessions: z.array(ProfileSessionSchema),
});
export type ProfileView = z.infer<typeof ProfileViewSchema>;

export const DeletedRowsSchema = z.object({
  profiles: z.number().int(),
  sessions: z.number().int(),
  events: z.number().int(),
  turns: z.number().int(),
  evaluations: z.number().int(),
  plans: z.number().int(),
});
export const DeleteResponseSchema = z.object({ deleted: DeletedRowsSchema });
export type DeleteResponse = z.infer<typeof DeleteResponseSchema>;

/** POST /api/profile/weak-spots: a drill session (as POST /api/sessions answers) and what it aims at. */
export const WeakSpotsResponseSchema = CreateSessionResponseSchema.extend({
  targets: z.array(z.object({ questionId: z.string(), keyPointIds: z.array(z.string()) })),
});
export type WeakSpotsResponse = z.infer<typeof WeakSpotsResponseSchema>;

export { ProgressSchema, type KeyPointMastery, type MasteryStatus, type ProgressData } from '../engine/progress/progress-schema.js';
