/** The error envelope: Badgr's `status` block, plus our stable `error` object. */
export interface ErrorBody {
  status: { success: false; description: string };
  error: { code: string; message: string; field?: string };
  fieldErrors?: Record<string, string[]>;
}

export function errorBody(code: string, message: string, field?: string, fieldErrors?: Record<string, string[]>): ErrorBody {
  return {
    status: { success: false, description: message },
    error: field ? { code, message, field } : { code, message },
    ...(fieldErrors ? { fieldErrors } : {}),
  };
}
