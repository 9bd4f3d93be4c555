import { JsonTooDeepError, parseJsonWithinLimits } from '../../json/bounded-json';
import { text, type MessageText } from '../../report-texts/message-text';
import { isJsonNode, type JsonNode } from '../../validation/present-values';
import { fetchAdvice } from '../../verification/fetch-advice';
import { jsonBudgetProblem, jsonBudgetText } from '../../verification/json-depth';
import type { EndorsementCheck } from '../../verification/report';
import { MAX_CREDENTIAL_FETCHES } from './limits';
import type { VerifyCredentialOptions } from './types';

export type Fetched<T> = { ok: true; value: T; contentType?: string } | { ok: false; problem: MessageText };

/**
 * State of one OB 3.0 verification, shared by its checks: the options, the endorsements found, and
 * every document fetched so far (each URL once, and no more than the budget, whatever a hostile
 * credential names: keys, DID documents, status lists, endorsements' keys).
 */
export class CredentialRun {
  readonly now: Date;
  readonly endorsements: EndorsementCheck[] = [];
  private readonly texts = new Map<string, Promise<Fetched<string>>>();
  private readonly maxDocuments: number;

  constructor(readonly options: VerifyCredentialOptions) {
    this.now = options.now ?? new Date();
    this.maxDocuments = options.maxDocuments ?? MAX_CREDENTIAL_FETCHES;
  }

  /** The body of `url` as text (a 2xx answer only), or why it could not be had. */
  fetchText(url: string): Promise<Fetched<string>> {
    const known = this.texts.get(url);
    if (known) return known;
    if (this.texts.size >= this.maxDocuments) return Promise.resolve({ ok: false, problem: text('TOO_MANY_DOCUMENTS', { url, limit: this.maxDocuments }) });
    const fetched = this.download(url);
    this.texts.set(url, fetched);
    return fetched;
  }

  /** The JSON object at `url`, parsed within the same depth and size budgets as a 2.0 badge. */
  async fetchJson(url: string): Promise<Fetched<JsonNode>> {
    const fetched = await this.fetchText(url);
    if (!fetched.ok) return fetched;
    return { ...parseDocument(fetched.value, url), ...(fetched.contentType ? { contentType: fetched.contentType } : {}) } as Fetched<JsonNode>;
  }

  private async download(url: string): Promise<Fetched<string>> {
    try {
      const response = await this.options.fetchDocument(url);
      if (response.status < 200 || response.status >= 300) return { ok: false, problem: text('FETCH_HTTP_STATUS', { url, status: response.status }) };
      return { ok: true, value: response.body, contentType: response.contentType };
    } catch (err) {
      const reason = ((err as Error).message || 'network error').replace(/\.+$/, '');
      return { ok: false, problem: text('FETCH_FAILED', { url, reason, advice: fetchAdvice(err) }) };
    }
  }
}

/** JSON text someone else wrote, as one object within the badge budgets, or the reason it is not. */
export function parseDocument(body: string, source: string): Fetched<JsonNode> {
  let parsed: unknown;
  try {
    parsed = parseJsonWithinLimits(body);
  } catch (err) {
    return { ok: false, problem: err instanceof JsonTooDeepError ? jsonBudgetText('depth', source) : text('DOCUMENT_NOT_JSON', { url: source }) };
  }
  if (!isJsonNode(parsed)) return { ok: false, problem: text('DOCUMENT_NOT_OBJECT', { url: source }) };
  const overBudget = jsonBudgetProblem(parsed);
  if (overBudget) return { ok: false, problem: jsonBudgetText(overBudget, source) };
  return { ok: true, value: parsed };
}
