import { z } from 'zod';

import { ImportBodySchema } from '@badges/api-contracts';

import type { VerifyInput } from './verification.client';

/** The import body (the contract's shape), turned into what the verifier takes. */
export const ImportInputSchema = ImportBodySchema
  .transform((body, ctx): VerifyInput => {
    if (body.url) return { url: body.url };
    if (body.assertion !== undefined) return { json: body.assertion };
    const base64 = (body.image ?? '').replace(/^data:image\/(png|svg\+xml);base64,/, '');
    const bytes = Buffer.from(base64, 'base64');
    const isPng = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const isSvg = /^\s*(<\?xml|<svg|<!--)/.test(bytes.subarray(0, 256).toString('utf8'));
    if (!isPng && !isSvg) {
      ctx.addIssue({ code: 'custom', path: ['image'], message: 'image must be a baked PNG or SVG, as a data URI or base64.' });
      return z.NEVER;
    }
    return { image: bytes, contentType: isPng ? 'image/png' : 'image/svg+xml' };
  });
