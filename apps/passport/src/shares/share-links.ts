import { escapeHtml } from '../common/html';

/** Public addresses of one share, all under the gateway's PUBLIC_URL. */
export function shareUrl(publicUrl: string, shareId: string): string {
  return `${publicUrl}/public/passport/shares/${shareId}`;
}

/** An iframe of the share's compact card: what a learner pastes into a blog or portfolio. */
export function embedSnippet(publicUrl: string, shareId: string, title: string): string {
  return `<iframe src="${escapeHtml(`${shareUrl(publicUrl, shareId)}/embed`)}" title="${escapeHtml(title)}" width="360" height="160" style="border:0" loading="lazy"></iframe>`;
}

/**
 * LinkedIn's documented "Add to profile" link for a certification: name, issuing organisation,
 * issue date and the share page as the credential URL.
 */
export function linkedInAddToProfileUrl(input: { name: string; organizationName: string; issuedOn: Date; certUrl: string; certId: string; expires?: Date | null }): string {
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: input.name,
    organizationName: input.organizationName,
    issueYear: String(input.issuedOn.getUTCFullYear()),
    issueMonth: String(input.issuedOn.getUTCMonth() + 1),
    certUrl: input.certUrl,
    certId: input.certId,
  });
  if (input.expires) {
    params.set('expirationYear', String(input.expires.getUTCFullYear()));
    params.set('expirationMonth', String(input.expires.getUTCMonth() + 1));
  }
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}
