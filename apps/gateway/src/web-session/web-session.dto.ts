import { z } from 'zod';

/** The learner's sign-in, as the passport's password grant takes it. */
export const LearnerSignInSchema = z.object({
  username: z.string({ error: 'This field is required.' }).trim().min(1).max(254),
  password: z.string({ error: 'This field is required.' }).min(1).max(256),
});

/** Staff sign in with their institution's API client, as POST /o/token takes it. */
export const StaffSignInSchema = z.object({
  client_id: z.string({ error: 'This field is required.' }).trim().min(1).max(200),
  client_secret: z.string({ error: 'This field is required.' }).min(1).max(500),
});

/** What the passport's POST /v2/auth/token answers (the token never leaves the gateway). */
export const PassportTokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });
