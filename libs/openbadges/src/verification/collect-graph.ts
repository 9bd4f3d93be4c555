import type { ObClass } from '../validation/class-rules';
import { error, TaskCode, warning } from '../validation/messages';
import { asArray, isJsonNode, type JsonNode } from '../validation/present-values';
import { isUrl } from '../validation/value-types';
import { loadNode } from './load-node';
import type { VerificationContext } from './verification-context';

/** Links followed from each class, and the class of the node at the other end. */
const LINKS: Partial<Record<ObClass, readonly [string, ObClass][]>> = {
  Assertion: [['badge', 'BadgeClass'], ['endorsement', 'Endorsement']],
  BadgeClass: [['issuer', 'Profile'], ['endorsement', 'Endorsement']],
  Profile: [['endorsement', 'Endorsement']],
  Endorsement: [['issuer', 'Profile']],
};

/**
 * Fetch a document and, when it declares an id other than the URL it came from, re-fetch it by
 * that id and trust only that copy (as the reference validator does): the declared id is what
 * the issuer vouches for, and hosted-policy checks must run on it.
 */
export async function loadByDeclaredId(url: string, ctx: VerificationContext): Promise<JsonNode | undefined> {
  const node = await loadNode(url, ctx);
  if (!node || node.id === undefined || node.id === url) return node;
  ctx.report(warning(TaskCode.REPORT_MESSAGE, `The document fetched from ${url} says its address is ${String(node.id)}; that address was used instead.`, url));
  const declaredId = node.id;
  if (!isUrl(declaredId)) return node;
  const canonical = await loadNode(declaredId, ctx);
  if (canonical && canonical.id !== declaredId) {
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, `The document at ${declaredId} declares yet another id (${String(canonical.id)}); it cannot be trusted.`, declaredId));
    return undefined;
  }
  return canonical;
}

/**
 * Add `node` (already loaded) to the graph as `cls`, flatten embedded linked documents (an
 * embedded BadgeClass becomes its own graph node) and follow links to fetch the rest.
 */
export async function collectGraph(node: JsonNode, cls: ObClass, ctx: VerificationContext): Promise<void> {
  if (typeof node.id !== 'string') node.id = ctx.nextBlankNodeId();
  if (ctx.nodes.has(node.id as string)) return;
  ctx.addNode(node, cls);

  for (const [prop, targetCls] of LINKS[cls] ?? []) {
    const refs = asArray<unknown>(node[prop]);
    const ids: unknown[] = [];
    for (const ref of refs) {
      const target = prop === 'endorsement' ? await resolveEndorsementLink(ref, node, ctx) : await resolveLink(ref, node, prop, ctx);
      ids.push(target && typeof target.id === 'string' ? target.id : ref);
      if (target) await collectGraph(target, targetCls, ctx);
    }
    // Replace embedded documents by their ids so every document appears once, as a graph node.
    if (refs.length > 0) node[prop] = Array.isArray(node[prop]) ? ids : ids[0];
  }
}

/**
 * An endorsement that cannot be loaded is the endorsement's problem, not the badge's: a withdrawn
 * one answers 410 (validator PR #246: it "must not disturb the assertion"), an unreachable one
 * cannot vouch. Its fetch errors become one warning and a non-valid entry in `report.endorsements`.
 */
async function resolveEndorsementLink(ref: unknown, parent: JsonNode, ctx: VerificationContext): Promise<JsonNode | undefined> {
  const mark = ctx.messages.length;
  const target = await resolveLink(ref, parent, 'endorsement', ctx);
  if (target || typeof ref !== 'string' || ctx.messages.length === mark) return target;
  const failures = ctx.messages.splice(mark);
  const withdrawn = failures.some((m) => m.code === TaskCode.PROCESS_410_GONE);
  const problem = withdrawn
    ? `The endorsement ${ref} has been withdrawn by its endorser, so it no longer vouches for this badge.`
    : `The endorsement ${ref} could not be checked, so it does not count: ${failures.map((m) => m.message).join(' ')}`;
  ctx.report(warning(withdrawn ? TaskCode.ENDORSEMENT_REVOKED : TaskCode.ENDORSEMENT_UNAVAILABLE, problem, String(parent.id), 'endorsement'));
  ctx.endorsements.push({ id: ref, target: String(parent.id), status: withdrawn ? 'revoked' : 'unavailable', problems: [problem] });
  return undefined;
}

async function resolveLink(ref: unknown, parent: JsonNode, prop: string, ctx: VerificationContext): Promise<JsonNode | undefined> {
  if (isJsonNode(ref)) {
    if (typeof ref.id !== 'string') {
      ref.id = ctx.nextBlankNodeId();
      ctx.report(warning(TaskCode.REPORT_MESSAGE, `The embedded "${prop}" of ${String(parent.id)} has no id; a temporary id ${ref.id} was assigned.`, String(parent.id), prop));
    }
    return ref;
  }
  if (typeof ref !== 'string') return undefined;
  if (ctx.nodes.has(ref)) return undefined;
  if (!isUrl(ref)) {
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, `The "${prop}" link ${ref} is not a web address, so it cannot be looked up.`, String(parent.id), prop));
    return undefined;
  }
  return loadByDeclaredId(ref, ctx);
}
