/**
 * The web app's sessions (`/web/session/*`, served by the gateway): sign-in bodies and who a staff
 * session is. The token itself lives in an HttpOnly cookie and never appears in a body.
 */
import { z } from 'zod';

export const SESSION_KINDS = ['learner', 'staff'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** POST /web/session/learner: the learner's sign-in, as the passport's password grant takes it. */
export const LearnerSignInBodySchema = z.object({
  username: z.string({ error: 'This field is required.' }).trim().min(1).max(254),
  password: z.string({ error: 'This field is required.' }).min(1).max(256),
});

/** POST /web/session/staff: the institution's API client, as POST /o/token takes it. */
export const StaffSignInBodySchema = z.object({
  client_id: z.string({ error: 'This field is required.' }).trim().min(1).max(200),
  client_secret: z.string({ error: 'This field is required.' }).min(1).max(500),
});

/** GET /web/session/staff: the client the console signed in with, and its institution. */
export const StaffSessionSchema = z.object({ clientId: z.string(), institutionId: z.string() });
export type StaffSession = z.output<typeof StaffSessionSchema>;
