import { ApiError, type ServiceResponse } from '@badges/service-kit';

/** A service's JSON answer, or undefined when its body is not JSON. */
export function serviceJson(response: ServiceResponse): unknown {
  try {
    return JSON.parse(response.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * A service's refusal, passed on in the same envelope (code, message, field), for a call the
 * gateway made itself rather than forwarded; `unavailable` when the service failed (5xx) or did
 * not answer in the envelope.
 */
export function serviceError(response: ServiceResponse, unavailable: () => ApiError): ApiError {
  const body = serviceJson(response) as { error?: { code?: unknown; message?: unknown; field?: unknown } } | undefined;
  const { code, message, field } = body?.error ?? {};
  if (response.status >= 500 || typeof code !== 'string' || typeof message !== 'string') return unavailable();
  return new ApiError(response.status, code, message, typeof field === 'string' ? field : undefined);
}
