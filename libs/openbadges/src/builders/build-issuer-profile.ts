import { OB_V2_CONTEXT } from '../model/common';
import type { Profile } from '../model/profile';
import type { IssuerProfileInput } from './inputs';
import { omitUndefined } from './omit-undefined';

/** The public Issuer Profile document (type `Issuer`; email is required for issuers). */
export function buildIssuerProfile(input: IssuerProfileInput): Profile {
  const policy = input.verification;
  const verification =
    policy && (policy.allowedOrigins?.length || policy.startsWith?.length)
      ? omitUndefined({ type: 'VerificationObject', allowedOrigins: policy.allowedOrigins, startsWith: policy.startsWith })
      : undefined;
  return omitUndefined({
    '@context': OB_V2_CONTEXT,
    type: 'Issuer',
    id: input.id,
    name: input.name,
    url: input.url,
    email: input.email,
    description: input.description,
    image: input.image,
    telephone: input.telephone,
    publicKey: input.publicKey,
    revocationList: input.revocationList,
    verification,
    endorsement: input.endorsement,
  });
}
