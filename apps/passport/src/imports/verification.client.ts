import { Inject, Injectable } from '@nestjs/common';

import { ApiError, ErrorCode, type ServiceClient } from '@badges/service-kit';

import { VERIFICATION_CLIENT } from '../common/tokens';

/** What to import, as the verification service takes it (design.md §3 `POST /v2/verify`). */
export type VerifyInput = { url: string } | { json: string | Record<string, unknown> } | { image: Buffer; contentType: 'image/png' | 'image/svg+xml' };

export interface ExpectedRecipient {
  type: 'email' | 'url' | 'telephone';
  identity: string;
}

/** The verifier's answer: the 1EdTech reference validator's shape. */
export interface VerificationAnswer {
  report: { valid: boolean; errorCount: number; warningCount: number; messages: { code: string; level: string; message: string; node?: string; messageCode?: string }[] };
  graph: Record<string, unknown>[];
  input: { input_type: string };
}

/** The seam the import depends on; tests may pass any implementation. */
export interface Verifier {
  verify(input: VerifyInput, expected: readonly ExpectedRecipient[]): Promise<VerificationAnswer>;
}

/**
 * The verification service over its ServiceClient (in-process when embedded, HTTP when
 * distributed). Images go as a raw body (the service reads PNG/SVG bytes), the rest as JSON. The
 * learner's identifiers travel only to this internal service, which compares and forgets them.
 */
@Injectable()
export class VerificationServiceClient implements Verifier {
  constructor(@Inject(VERIFICATION_CLIENT) private readonly client: ServiceClient | undefined) {}

  async verify(input: VerifyInput, expected: readonly ExpectedRecipient[]): Promise<VerificationAnswer> {
    if (!this.client) throw new ApiError(503, ErrorCode.ServiceUnavailable, 'Importing needs the verification service, which is not running here.');
    const recipients = expected.slice(0, 10);
    const request =
      'image' in input
        ? { headers: { 'content-type': input.contentType, accept: 'application/json' }, body: input.image, query: `?expected_recipient=${encodeURIComponent(JSON.stringify(recipients))}` }
        : { headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ ...input, expected_recipient: recipients }), query: '' };
    const response = await this.client.request({ method: 'POST', url: `/v2/verify${request.query}`, headers: request.headers, body: request.body });
    const body = JSON.parse(response.body.toString('utf8') || '{}') as Partial<VerificationAnswer> & { error?: { message?: string } };
    if (response.status === 200 && body.report) return body as VerificationAnswer;
    if (response.status >= 400 && response.status < 500) {
      throw ApiError.validation(`The verifier refused this import: ${body.error?.message ?? `HTTP ${response.status}`}`);
    }
    throw new ApiError(503, ErrorCode.ServiceUnavailable, 'The verification service could not check this badge right now. Try again shortly.');
  }
}
