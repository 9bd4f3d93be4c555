import { z } from 'zod';

export const ShareCreateBodySchema = z.object({
  type: z.enum(['badge', 'collection'], { error: 'type must be badge or collection.' }),
  entityId: z.string({ error: 'This field is required.' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Not an entityId.' }),
});

export type ShareCreateBody = z.output<typeof ShareCreateBodySchema>;

export interface ShareV2 {
  entityId: string;
  type: 'badge' | 'collection';
  /** The assertion or collection entityId. */
  target: string;
  url: string;
  embedHtml: string;
  /** Badges only: LinkedIn's add-to-profile link. */
  linkedInUrl: string | null;
  views: number;
  revoked: boolean;
  createdAt: string;
}
