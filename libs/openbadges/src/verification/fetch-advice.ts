import { ENUM_PARAMS } from '../report-texts/message-text';

/**
 * Which advice a person gets about a failed download (its words are in the report catalogues),
 * by the fetcher's error code (the SSRF-safe fetcher's codes; duck-typed, since this library
 * does no I/O of its own). Empty: no advice.
 */
export function fetchAdvice(failure: unknown): string {
  const code = (failure as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' && ENUM_PARAMS.advice.includes(code) ? code : '';
}
