import { errorEnvelope, type V2ErrorEnvelope } from '@badges/api-contracts';

/** The error envelope: Badgr's `status` block and `result: []`, plus our stable `error` object. */
export type ErrorBody = V2ErrorEnvelope;

export function errorBody(code: string, message: string, field?: string, fieldErrors?: Record<string, string[]>, validationErrors?: string[]): ErrorBody {
  return errorEnvelope({ code, message, field, fieldErrors, validationErrors });
}
