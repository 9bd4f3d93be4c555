import { apiJson } from './client';

export interface VerifyMessage {
  code: string;
  level: 'ERROR' | 'WARNING';
  message: string;
  node?: string;
  property?: string;
}

export interface VerifyStep {
  step: string;
  title: string;
  status: 'passed' | 'failed' | 'warning' | 'not_applicable' | 'skipped';
  messages: number;
}

export interface EndorsementCheck {
  id: string;
  target: string;
  status: 'valid' | 'revoked' | 'unavailable' | 'invalid';
  endorser?: { id: string; name?: string };
  comment?: string;
  issuedOn?: string;
  problems: string[];
}

export interface VerifyResult {
  report: {
    valid: boolean;
    errorCount: number;
    warningCount: number;
    messages: VerifyMessage[];
    steps?: VerifyStep[];
    endorsements?: EndorsementCheck[];
    verificationId?: string;
  };
  graph: Record<string, unknown>[];
  input: { value?: string; input_type: string };
}

/** What the visitor gave: a baked image file, a URL, or JSON / compact JWS text. */
export type VerifyInput = { image: File } | { url: string } | { json: string };

/** POST /v2/verify (public). A bad badge is a 200 report; only a malformed request throws. */
export function verifyBadge(input: VerifyInput, expectedRecipient?: string): Promise<VerifyResult> {
  const expected = expectedRecipient?.trim() || undefined;
  if ('image' in input) {
    const form = new FormData();
    form.append('image', input.image);
    if (expected) form.append('expected_recipient', expected);
    return apiJson<VerifyResult>('/v2/verify', { method: 'POST', body: form });
  }
  return apiJson<VerifyResult>('/v2/verify', { method: 'POST', body: { ...input, ...(expected ? { expected_recipient: expected } : {}) } });
}
