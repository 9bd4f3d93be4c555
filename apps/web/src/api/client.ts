/**
 * The one way the web app talks to the platform: same-origin fetches to the gateway, the Badgr
 * envelope unwrapped, and every error turned into an ApiRequestError carrying the platform's
 * machine-readable code and its plain-language message.
 */
export interface ApiErrorBody {
  error?: { code?: string; message?: string; field?: string };
  fieldErrors?: Record<string, string[]>;
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
    /** Seconds the platform asks to wait before trying again (a 429's Retry-After). */
    readonly retryAfterSeconds?: number,
    /** The request field at fault, when the platform names one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: string;
  /** A plain object is sent as JSON; FormData, Blob and strings as they are. */
  body?: unknown;
  /**
   * The session the request acts for ('learner' or 'staff', see session.ts), sent as the
   * X-Badges-Session header: the gateway then adds the token from its HttpOnly cookie.
   */
  token?: string;
  headers?: Record<string, string>;
  /** Cancels the request (e.g. a progress stream when its page closes). */
  signal?: AbortSignal;
}

/** The page's language, which every request asks the platform to answer in (set by the I18nProvider). */
let requestLanguage: string | undefined;

export function setRequestLanguage(lang: string): void {
  requestLanguage = lang;
}

export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  // Reports, badge texts and messages come in the page's language, not the browser's default.
  const headers: Record<string, string> = { accept: 'application/json', ...(requestLanguage ? { 'accept-language': requestLanguage } : {}), ...options.headers };
  if (options.token) headers['x-badges-session'] = options.token;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData || options.body instanceof Blob || typeof options.body === 'string') body = options.body;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch {
    throw new ApiRequestError(0, 'network_error', 'network');
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/** JSON response body as it is (e.g. /o/token, /v2/verify). */
export async function apiJson<T>(path: string, options?: RequestOptions): Promise<T> {
  const response = await apiFetch(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Badgr v2 envelope `{status, result: [...]}`: the list. */
export async function apiResult<T>(path: string, options?: RequestOptions): Promise<T[]> {
  const body = await apiJson<{ result?: T[] } | undefined>(path, options);
  return body?.result ?? [];
}

/** Badgr v2 envelope holding one object. */
export async function apiOne<T>(path: string, options?: RequestOptions): Promise<T> {
  const [first] = await apiResult<T>(path, options);
  if (first === undefined) throw new ApiRequestError(500, 'empty_result', 'empty result');
  return first;
}

async function errorFrom(response: Response): Promise<ApiRequestError> {
  let body: ApiErrorBody = {};
  try {
    body = (await response.json()) as ApiErrorBody;
  } catch {
    // not JSON (a proxy's error page): the status is all we know
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiRequestError(response.status, body.error?.code ?? `http_${response.status}`, body.error?.message ?? response.statusText, body.fieldErrors ?? {}, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined, body.error?.field);
}
