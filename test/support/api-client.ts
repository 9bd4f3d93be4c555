/** A thin fetch wrapper for e2e tests: JSON in, status + parsed body out. */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  raw: Buffer;
}

export class ApiClient {
  constructor(private readonly baseUrl: string, readonly token?: string) {}

  withToken(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  /** A new institution (made with the operator token) and a client signed in as it (client credentials). */
  async forNewInstitution(adminToken: string, name: string): Promise<ApiClient> {
    const created = await this.withToken(adminToken).post('/admin/institutions', { name });
    const { clientId, clientSecret } = created.body.client;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    const token = await this.request('POST', '/o/token', form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    return this.withToken(token.body.access_token);
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const raw = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    const parsed = /json/.test(type) && raw.length > 0 ? JSON.parse(raw.toString('utf8')) : raw.toString('utf8');
    return { status: response.status, headers: response.headers, body: parsed as T, raw };
  }

  get<T = any>(path: string, headers?: Record<string, string>) { return this.request<T>('GET', path, undefined, headers); }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) { return this.request<T>('POST', path, body, headers); }
  put<T = any>(path: string, body?: unknown) { return this.request<T>('PUT', path, body); }
  delete<T = any>(path: string, body?: unknown) { return this.request<T>('DELETE', path, body); }
}
