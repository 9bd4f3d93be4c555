import { z } from 'zod';

import type { VerifyInput } from './verification.client';

const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/**
 * POST /v2/backpack/import, Badgr's shape: exactly one of `url`, `image` (a data URI or base64
 * of a baked PNG or SVG) or `assertion` (the assertion JSON, as an object or text, or a compact JWS).
 */
export const ImportBodySchema = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL.' }).max(2048).optional(),
    image: z.string().max(Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 64, { error: 'The image is larger than 2 MiB.' }).optional(),
    assertion: z.union([z.string().min(1).max(1_000_000), z.record(z.string(), z.unknown())], { error: 'assertion must be JSON (object or text) or a compact JWS.' }).optional(),
  })
  .superRefine((body, ctx) => {
    const given = (['url', 'image', 'assertion'] as const).filter((key) => body[key] !== undefined);
    if (given.length !== 1) ctx.addIssue({ code: 'custom', path: [given[1] ?? 'url'], message: 'Give exactly one of url, image or assertion.' });
  })
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
