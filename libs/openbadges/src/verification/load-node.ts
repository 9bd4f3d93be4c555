import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import { findForeignContextError } from '../context/foreign-context-error';
import { JsonTooDeepError, parseJsonWithinLimits } from '../json/bounded-json';
import { error, TaskCode, warning } from '../validation/messages';
import { isJsonNode, type JsonNode } from '../validation/present-values';
import { upgradeLegacyDocument } from './legacy/upgrade-legacy-document';
import { compactMemoized } from './compaction-memo';
import { fetchAdvice } from './fetch-advice';
import { jsonBudgetProblem, jsonBudgetSentence } from './json-depth';
import { revocationDetails, revocationSentence } from './revocation-message';
import type { VerificationContext } from './verification-context';

/**
 * FETCH_HTTP_NODE + JSONLD_COMPACT_DATA for one URL: fetch through the injected fetcher, parse,
 * upgrade legacy (1.x/0.5) documents, compact against the bundled v2 context.
 * Failures become report messages; undefined is returned so the caller just stops following.
 */
export async function loadNode(url: string, ctx: VerificationContext): Promise<JsonNode | undefined> {
  if (ctx.fetched.has(url)) return ctx.fetched.get(url);
  if (ctx.documentCount() >= ctx.maxDocuments) {
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, `Stopped before fetching ${url}: this badge links to too many documents (limit ${ctx.maxDocuments}).`, url));
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
    const why = ((err as Error).message || 'network error').replace(/\.+$/, '');
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, `Could not download ${url}: ${why}.${fetchAdvice(err)}`, url));
    return undefined;
  }
  if (response.status === 410) {
    // 410 Gone is how a hosted badge announces revocation (validator PR #246): not a glitch.
    ctx.report(error(TaskCode.PROCESS_410_GONE, `${revocationSentence(ctx, revocationDetails(parseQuietly(response.body)))} (${url} answers HTTP 410 Gone.)`, url));
    return undefined;
  }
  if (response.status < 200 || response.status >= 300) {
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, `Could not download ${url}: the server answered HTTP ${response.status}.`, url));
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = parseJsonWithinLimits(response.body);
  } catch (err) {
    if (err instanceof JsonTooDeepError) {
      ctx.report(error(TaskCode.FETCH_HTTP_NODE, jsonBudgetSentence('depth', url), url));
      return undefined;
    }
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, `The document at ${url} is not valid JSON.`, url));
    return undefined;
  }
  if (!isJsonNode(parsed)) {
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, `The document at ${url} is not a JSON object.`, url));
    return undefined;
  }
  const overBudget = jsonBudgetProblem(parsed);
  if (overBudget) {
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, jsonBudgetSentence(overBudget, url), url));
    return undefined;
  }
  return compactNode(parsed, url, ctx);
}

/** Compact an already-parsed document (also used for JSON/JWS inputs). */
export async function compactNode(doc: JsonNode, source: string, ctx: VerificationContext): Promise<JsonNode | undefined> {
  const overBudget = jsonBudgetProblem(doc);
  if (overBudget) {
    ctx.report(error(TaskCode.JSONLD_COMPACT_DATA, jsonBudgetSentence(overBudget, source), source));
    return undefined;
  }
  const upgraded = upgradeLegacyDocument(doc, source);
  if (upgraded.version !== '2.0') {
    // The report states the version of the badge as presented (the first legacy document seen).
    if (ctx.openBadgesVersion === '2.0') ctx.openBadgesVersion = upgraded.version;
    ctx.report(warning(TaskCode.REPORT_MESSAGE, `The document at ${source} uses Open Badges ${upgraded.version}; it was upgraded to 2.0 before checking.`, source));
  }
  try {
    // Parsing and measuring came just before; compaction is the costliest step, so it starts on a fresh turn.
    await yieldToEventLoop();
    const compacted = await compactMemoized(upgraded.doc);
    return compacted;
  } catch (err) {
    const foreign = findForeignContextError(err);
    const why = foreign
      ? `it uses the JSON-LD context ${foreign.url}, which is not an Open Badges context known to this server (unknown contexts are never downloaded)`
      : `it is not valid JSON-LD (${(err as Error).message})`;
    ctx.report(error(TaskCode.JSONLD_COMPACT_DATA, `The document at ${source} could not be read: ${why}.`, source));
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
