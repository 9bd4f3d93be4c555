/**
 * Issuers, as Badgr v2 `IssuerSerializerV2` (`apps/issuer/serializers_v2.py`).
 *
 * POST /v2/issuers                 -> 201, envelope with the new IssuerV2
 * GET  /v2/issuers                 -> 200, envelope with IssuerV2[]
 * GET  /v2/issuers/{entityId}      -> 200, envelope with [IssuerV2]
 * PUT  /v2/issuers/{entityId}      -> 200, envelope with [IssuerV2] (full replacement, as Badgr)
 * DELETE /v2/issuers/{entityId}    -> 204, no body
 */
import { z } from 'zod';
import { emailAddress, httpUrl, imageDataUri, optionalText, requiredText } from './common';

/** Badgr limits: name ≤ 1024, description ≤ 16384, email ≤ 255, url ≤ 1024. */
export const ISSUER_LIMITS = { name: 1024, description: 16_384, email: 255, url: 1024 } as const;

const issuerFields = {
  name: requiredText(ISSUER_LIMITS.name).describe('Name of the Issuer'),
  description: optionalText(ISSUER_LIMITS.description).nullish().describe('Short description of the Issuer'),
  /** Required: an OB 2.0 issuer Profile needs a contact email (Badgr requires it too). */
  email: emailAddress(ISSUER_LIMITS.email).describe('Contact email for the Issuer'),
  url: httpUrl(ISSUER_LIMITS.url).describe('Homepage or website associated with the Issuer'),
  /** Base64 data URI (PNG or SVG). The service checks the bytes. */
  image: imageDataUri().nullish().describe('Base64 data URI of a PNG or SVG image that represents the Issuer'),
};

/** Body of POST /v2/issuers. Unknown fields (staff, extensions, badgrDomain, …) are stripped. */
export const IssuerCreateBodySchema = z.object(issuerFields);

/**
 * Body of PUT /v2/issuers/{entityId}. Badgr's PUT is not partial: name, email and url are required.
 * An absent `image` keeps the current image; `description: null` clears it.
 */
export const IssuerUpdateBodySchema = z.object(issuerFields);

export type IssuerCreateBody = z.output<typeof IssuerCreateBodySchema>;
export type IssuerCreateInput = z.input<typeof IssuerCreateBodySchema>;
export type IssuerUpdateBody = z.output<typeof IssuerUpdateBodySchema>;
export type IssuerUpdateInput = z.input<typeof IssuerUpdateBodySchema>;

/** Query of GET /v2/issuers/{entityId} and the list: `include_staff=false` omits `staff`. */
export const IssuerQuerySchema = z.object({
  include_staff: z.enum(['true', 'false', '1', '0']).optional(),
});

export type IssuerStaffRole = 'owner' | 'editor' | 'staff';

/** One staff member of an Issuer, as Badgr `IssuerStaffSerializerV2` (our "awarder" role is Badgr's `staff`). */
export interface IssuerStaffV2 {
  entityType?: string;
  entityId?: string;
  /** entityId of the BadgeUser. */
  user: string;
  role: IssuerStaffRole;
  userProfile?: {
    firstName: string;
    lastName: string;
    emails: Array<{ email: string; verified: boolean; primary: boolean }>;
    url?: string[];
    telephone?: string[];
  };
}

/** An Issuer as the v2 API returns it. Field names and order follow Badgr. */
export interface IssuerV2 {
  entityType: 'Issuer';
  entityId: string;
  /** Public URL of the OB 2.0 Issuer Profile (`/public/issuers/{entityId}`). */
  openBadgeId: string;
  /** UTC, ending in Z. */
  createdAt: string;
  /** entityId of the creating user, or null when created by an API client. */
  createdBy: string | null;
  name: string;
  /** Public URL of the image, or null. */
  image: string | null;
  email: string;
  description: string | null;
  url: string;
  /** Omitted when the request has `include_staff=false`. */
  staff?: IssuerStaffV2[];
  extensions: Record<string, unknown>;
  badgrDomain?: string | null;
  /** Ours (additive): URL of the issuer's CryptographicKey, when it signs assertions. */
  publicKey?: string | null;
}
