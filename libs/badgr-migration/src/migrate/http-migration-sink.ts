import type { MigrationBatchInput, MigrationBatchResult, MigrationRun, MigrationRunFinishInput, MigrationRunList, MigrationRunStartInput } from '@badges/api-contracts';

import type { MigrationSink } from './migration-sink';

/** The platform refused or could not be reached; `status` 0 when no answer came. */
export class MigrationSinkError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MigrationSinkError';
  }
}

const RETRIES = 3;
const RETRY_BASE_MS = 500;

/**
 * The gateway's operator API for one institution's migration runs
 * (`/admin/institutions/{id}/migrations…`, decision 0044), with the operator token. A batch that
 * failed on the network or with a 5xx is sent again: the writer answers a repeated batch
 * `unchanged`, never counting it twice.
 */
export class HttpMigrationSink implements MigrationSink {
  private readonly base: string;

  constructor(
    platformUrl: string,
    institutionId: string,
    private readonly operatorToken: string,
  ) {
    this.base = new URL(`/admin/institutions/${encodeURIComponent(institutionId)}/migrations`, platformUrl).toString();
  }

  start(options: MigrationRunStartInput): Promise<MigrationRun> {
    return this.call('POST', '', options);
  }

  batch(runId: string, batch: MigrationBatchInput): Promise<MigrationBatchResult> {
    return this.call('POST', `/${encodeURIComponent(runId)}/batches`, batch);
  }

  finish(runId: string, end: MigrationRunFinishInput): Promise<MigrationRun> {
    return this.call('POST', `/${encodeURIComponent(runId)}/finish`, end);
  }

  runs(): Promise<MigrationRunList> {
    return this.call('GET', '');
  }

  /** Where the operator reads every problem of a run. */
  problemsUrl(runId: string): string {
    return `${this.base}/${encodeURIComponent(runId)}/problems`;
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${this.base}${path}`, {
          method,
          headers: { authorization: `Bearer ${this.operatorToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (error) {
        if (attempt < RETRIES) { await pause(attempt); continue; }
        throw new MigrationSinkError(0, 'unreachable', `The platform at ${this.base} did not answer: ${(error as Error).message}`);
      }
      const text = await response.text();
      if (response.ok) return JSON.parse(text) as T;
      if (response.status >= 500 && attempt < RETRIES) { await pause(attempt); continue; }
      const refused = parseError(text);
      throw new MigrationSinkError(response.status, refused.error, `${method} ${path || '/'}: ${response.status} ${refused.message}`);
    }
  }
}

function parseError(text: string): { error: string; message: string } {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    return { error: typeof body.error === 'string' ? body.error : 'http_error', message: typeof body.message === 'string' ? body.message : text.slice(0, 300) };
  } catch {
    return { error: 'http_error', message: text.slice(0, 300) };
  }
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, RETRY_BASE_MS * 2 ** attempt));
}
