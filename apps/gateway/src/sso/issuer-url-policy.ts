import { isSecureOrLoopbackUrl } from '@badges/outbound-http';

/**
 * Why an SSO issuer URL is refused, or undefined when it is fine: https always; plain http only on
 * a loopback host when SSO_ALLOW_HTTP_ISSUERS is set (tests, a trial on one machine), since the
 * client secret and the people's codes would otherwise cross the network in clear.
 */
export function issuerUrlProblem(issuerUrl: string, allowHttpOnLoopback: boolean): string | undefined {
  if (isSecureOrLoopbackUrl(issuerUrl, allowHttpOnLoopback)) return undefined;
  return 'The issuer URL must be https (plain http is allowed only for a provider on this machine, when the operator sets SSO_ALLOW_HTTP_ISSUERS).';
}

/** Whether openid-client must be told that this issuer is plain http (allowInsecureRequests). */
export function isPlainHttp(issuerUrl: string): boolean {
  return new URL(issuerUrl).protocol === 'http:';
}
