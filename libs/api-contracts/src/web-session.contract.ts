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

/**
 * POST /web/session/staff: a person's email and password (their staff account), or the
 * institution's API client id and secret as POST /o/token takes them. Sending `username` or
 * `password` chooses the person's sign-in, and then both are required.
 */
export const StaffSignInBodySchema = z
  .object({
    username: z.string().trim().min(1).max(254).optional().describe('A person: their email address'),
    password: z.string().min(1).max(256).optional(),
    client_id: z.string().trim().min(1).max(200).optional().describe('An API client (when no username is sent)'),
    client_secret: z.string().min(1).max(500).optional(),
  })
  .superRefine((body, context) => {
    const person = body.username !== undefined || body.password !== undefined;
    for (const field of person ? (['username', 'password'] as const) : (['client_id', 'client_secret'] as const)) {
      if (body[field] === undefined) context.addIssue({ code: 'custom', path: [field], message: 'This field is required.' });
    }
  })
  .transform((body) =>
    body.username !== undefined
      ? { kind: 'person' as const, username: body.username, password: body.password ?? '' }
      : { kind: 'client' as const, client_id: body.client_id ?? '', client_secret: body.client_secret ?? '' },
  );
export type StaffSignInBody = z.output<typeof StaffSignInBodySchema>;

/** GET /web/session/staff: who the console is signed in as (a person or an API client), and the institution. */
export const StaffSessionSchema = z.object({
  institutionId: z.string(),
  clientId: z.string().optional().describe('Signed in with an API client'),
  staffId: z.string().optional().describe('Signed in as a person (GET /v2/staff/self says who)'),
});
export type StaffSession = z.output<typeof StaffSessionSchema>;
