/**
 * What a person can do about a failed download, by the fetcher's error code (the SSRF-safe
 * fetcher's codes; duck-typed, since this library does no I/O of its own).
 */
const ADVICE: Record<string, string> = {
  blocked_address: 'Badges must be published on the public internet; ask the issuer for a public link to this badge.',
  redirect_blocked: 'Badges must be published on the public internet; ask the issuer for a public link to this badge.',
  unsupported_scheme: 'Only http and https links can be checked.',
  dns_failure: 'Check the address for typos, or ask the issuer whether the badge has moved.',
  connect_timeout: "The issuer's server did not respond; try again later.",
  timeout: "The issuer's server did not respond in time; try again later.",
  network_error: "The issuer's server could not be reached; try again later.",
  too_large: 'Badge documents are small; this address does not serve a badge.',
  too_many_redirects: 'The address keeps redirecting; ask the issuer for the badge’s current link.',
};

export function fetchAdvice(failure: unknown): string {
  const code = (failure as { code?: unknown } | null)?.code;
  return typeof code === 'string' && ADVICE[code] ? ` ${ADVICE[code]}` : '';
}
