import { z } from 'zod';

/** What the passport's POST /v2/auth/token answers (the token never leaves the gateway). */
export const PassportTokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });
