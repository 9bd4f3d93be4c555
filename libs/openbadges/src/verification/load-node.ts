import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import { findForeignContextError } from '../context/foreign-context-error';
import { JsonTooDeepError, parseJsonWithinLimits } from '../json/bounded-json';
import { error, TaskCode, warning } from '../validation/messages';
import { isJsonNode, type JsonNode } from '../validation/present-values';
import { upgradeLegacyDocument } from './legacy/upgrade-legacy-document';
import { compactMemoized } from './compaction-memo';
import { fetchAdvice } from './fetch-advice';
import { jsonBudgetProblem, jsonBudgetText } from './json-depth';
import { revocationDetails, revocationText } from './revocation-message';
import { text } from '../report-texts/message-text';
import type { VerificationContext } from './verification-context';

/**
 * FETCH_HTTP_NODE + JSONLD_COMPACT_DATA for one URL: fetch through the injected fetcher, parse,
 * upgrade legacy (1.x/0.5) documents, compact against the bundled v2 context.
 * Failures become report messages; undefined is returned so the caller just stops following.
 */
export async function loadNode(url: string, ctx: VerificationContext): Promise<JsonNode | undefined> {
  if (ctx.fetched.has(url)) return ctx.fetched.get(url);
  if (ctx.documentCount() >= ctx.maxDocuments) {
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, text('TOO_MANY_DOCUMENTS', { url, limit: ctx.maxDocuments }), url));
    return undefined;
  }
  ctx.fetched.set(url, undefined);
  const node = await fetchAndCompact(url, ctx);
  ctx.fetched.set(url, node);
  return node;
}

async function fetchAndCompact(url: string, ctx: VerificationContext): Promise<JsonNode | undefined> {
  let response;
  try {
    response = await ctx.fetchDocument(url);
  } catch (err) {
    const reason = ((err as Error).message || 'network error').replace(/\.+$/, '');
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, text('FETCH_FAILED', { url, reason, advice: fetchAdvice(err) }), url));
    return undefined;
  }
  if (response.status === 410) {
    // 410 Gone is how a hosted badge announces revocation (validator PR #246): not a glitch.
    ctx.report(error(TaskCode.PROCESS_410_GONE, text('REVOKED_GONE', { revocation: [revocationText(ctx, revocationDetails(parseQuietly(response.body)))], url }), url));
    return undefined;
  }
  if (response.status < 200 || response.status >= 300) {
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, text('FETCH_HTTP_STATUS', { url, status: response.status }), url));
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = parseJsonWithinLimits(response.body);
  } catch (err) {
    if (err instanceof JsonTooDeepError) {
      ctx.report(error(TaskCode.FETCH_HTTP_NODE, jsonBudgetText('depth', url), url));
      return undefined;
    }
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, text('DOCUMENT_NOT_JSON', { url }), url));
    return undefined;
  }
  if (!isJsonNode(parsed)) {
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, text('DOCUMENT_NOT_OBJECT', { url }), url));
    return undefined;
  }
  const overBudget = jsonBudgetProblem(parsed);
  if (overBudget) {
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, jsonBudgetText(overBudget, url), url));
    return undefined;
  }
  return compactNode(parsed, url, ctx);
}

/** Compact an already-parsed document (also used for JSON/JWS inputs). */
export async function compactNode(doc: JsonNode, source: string, ctx: VerificationContext): Promise<JsonNode | undefined> {
  const overBudget = jsonBudgetProblem(doc);
  if (overBudget) {
    ctx.report(error(TaskCode.JSONLD_COMPACT_DATA, jsonBudgetText(overBudget, source), source));
    return undefined;
  }
  const upgraded = upgradeLegacyDocument(doc, source);
  if (upgraded.version !== '2.0') {
    // The report states the version of the badge as presented (the first legacy document seen).
    if (ctx.openBadgesVersion === '2.0') ctx.openBadgesVersion = upgraded.version;
    ctx.report(warning(TaskCode.REPORT_MESSAGE, text('DOCUMENT_LEGACY_UPGRADED', { url: source, version: upgraded.version }), source));
  }
  try {
    // Parsing and measuring came just before; compaction is the costliest step, so it starts on a fresh turn.
    await yieldToEventLoop();
    const compacted = await compactMemoized(upgraded.doc);
    return compacted;
  } catch (err) {
    const foreign = findForeignContextError(err);
    const why = foreign
      ? text('DOCUMENT_UNKNOWN_CONTEXT', { url: source, context: foreign.url })
      : text('DOCUMENT_NOT_JSONLD', { url: source, reason: (err as Error).message });
    ctx.report(error(TaskCode.JSONLD_COMPACT_DATA, why, source));
    return undefined;
  }
}

function parseQuietly(body: string): unknown {
  try {
    return parseJsonWithinLimits(body);
  } catch {
    return undefined;
  }
}
