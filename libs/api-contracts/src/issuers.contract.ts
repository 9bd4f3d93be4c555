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
import { badgrCreatedBy, badgrExtensions, emailAddress, httpUrl, imageDataUri, optionalText, requiredText } from './common';

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

/**
 * Ours (decision 0048): how the issuer's OB 3.0 credentials are proven. `eddsa-rdfc-2022`: a Data
 * Integrity proof by its Ed25519 key (named in its DID document); `vc-jwt`: a compact VC-JWT signed
 * with its active RS256/ES256 key (published in its JWKS).
 */
export const CREDENTIAL_PROOFS = ['eddsa-rdfc-2022', 'vc-jwt'] as const;
export type CredentialProof = (typeof CREDENTIAL_PROOFS)[number];

const credentialProof = z.enum(CREDENTIAL_PROOFS).describe('Ours: how its OB 3.0 credentials are proven: "eddsa-rdfc-2022" (default) or "vc-jwt"');

/** Body of POST /v2/issuers. Unknown fields (staff, extensions, badgrDomain, …) are stripped. */
export const IssuerCreateBodySchema = z.object({ ...issuerFields, credentialProof: credentialProof.default('eddsa-rdfc-2022') });

/**
 * Body of PUT /v2/issuers/{entityId}. Badgr's PUT is not partial: name, email and url are required.
 * An absent `image` keeps the current image; `description: null` clears it. Ours: an absent
 * `credentialProof` keeps the stored one (a Badgr client knows nothing of it); a change applies to
 * credentials signed from then on.
 */
export const IssuerUpdateBodySchema = z.object({ ...issuerFields, credentialProof: credentialProof.optional() });

export type IssuerCreateBody = z.output<typeof IssuerCreateBodySchema>;
export type IssuerCreateInput = z.input<typeof IssuerCreateBodySchema>;
export type IssuerUpdateBody = z.output<typeof IssuerUpdateBodySchema>;
export type IssuerUpdateInput = z.input<typeof IssuerUpdateBodySchema>;

/** Query of GET /v2/issuers/{entityId} and the list: `include_staff=false` omits `staff`. */
export const IssuerQuerySchema = z.object({
  include_staff: z.enum(['true', 'false', '1', '0']).optional(),
});

/** Badgr's staff roles (our "awarder" role is Badgr's `staff`). */
export const ISSUER_STAFF_ROLES = ['owner', 'editor', 'staff'] as const;
export type IssuerStaffRole = (typeof ISSUER_STAFF_ROLES)[number];

/** One staff member of an Issuer, as Badgr `IssuerStaffSerializerV2`. */
export const IssuerStaffV2Schema = z.object({
  entityType: z.string().optional(),
  entityId: z.string().optional(),
  user: z.string().describe('entityId of the BadgeUser'),
  role: z.enum(ISSUER_STAFF_ROLES),
  userProfile: z
    .object({
      firstName: z.string(),
      lastName: z.string(),
      emails: z.array(z.object({ email: z.string(), verified: z.boolean(), primary: z.boolean() })),
      url: z.array(z.string()).optional(),
      telephone: z.array(z.string()).optional(),
    })
    .optional(),
});
export type IssuerStaffV2 = z.output<typeof IssuerStaffV2Schema>;

/**
 * A person's Badgr staff entry on an issuer: the one shape the gateway's `/v2/issuers/{id}/staff`
 * and the issuer's own `staff` list share. Badgr splits the name; the address is verified once
 * the person has joined.
 */
export function issuerStaffV2(person: { id: string; name: string; email: string; status: string }, role: IssuerStaffRole): IssuerStaffV2 {
  const [firstName, ...rest] = person.name.split(/\s+/);
  return {
    entityType: 'IssuerStaff',
    user: person.id,
    role,
    userProfile: { firstName, lastName: rest.join(' '), emails: [{ email: person.email, verified: person.status === 'active', primary: true }] },
  };
}

/** An Issuer as the v2 API returns it. Field names and order follow Badgr. */
export const IssuerV2Schema = z
  .object({
    entityType: z.literal('Issuer'),
    entityId: z.string(),
    openBadgeId: z.url().describe('Public URL of the OB 2.0 Issuer Profile (`/public/issuers/{entityId}`)'),
    createdAt: z.iso.datetime(),
    createdBy: badgrCreatedBy(),
    name: z.string(),
    image: z.url().nullable().describe('Public URL of the image, or null'),
    email: z.string(),
    description: z.string().nullable(),
    url: z.string(),
    // Always sent: the people with a role on the issuer (invited or active); empty with `include_staff=false`, which skips looking them up.
    staff: z.array(IssuerStaffV2Schema),
    extensions: badgrExtensions(),
    credentialProof: z.enum(CREDENTIAL_PROOFS).describe('Ours: how its OB 3.0 credentials are proven (decision 0048)'),
  })
  .describe('Badgr v2 Issuer.');
export type IssuerV2 = z.output<typeof IssuerV2Schema>;
