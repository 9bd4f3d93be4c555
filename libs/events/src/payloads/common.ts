import { z } from 'zod';

/** Badgr-style entity ids (22 URL-safe characters); kept loose so other id shapes stay valid. */
export const entityId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected an entity id');
export const isoDateTime = z.iso.datetime({ offset: true });
export const httpUrl = z.url({ protocol: /^https?$/ });

/** The languages the platform writes emails in (api-contracts: STAFF_LANGUAGES, LEARNER_LANGUAGES). */
export const emailLanguage = z.enum(['en', 'fr']);
