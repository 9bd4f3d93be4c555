import { z } from 'zod';

/**
 * CORS_ALLOWED_ORIGINS: the browser origins (`https://app.example`, comma-separated) that may
 * call the API from another site. Each must be a bare origin, scheme and host (and port), the
 * way browsers send it in Origin; empty means same-origin only.
 */
export const CorsOriginsSchema = z
  .string()
  .default('')
  .transform((value, context) => {
    const origins = value.split(',').map((item) => item.trim()).filter((item) => item.length > 0);
    for (const origin of origins) {
      if (!isBareOrigin(origin)) context.addIssue({ code: 'custom', message: `CORS_ALLOWED_ORIGINS: "${origin}" is not an origin like https://app.example` });
    }
    return origins;
  });

function isBareOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
