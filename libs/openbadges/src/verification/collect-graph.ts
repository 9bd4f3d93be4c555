import type { ObClass } from '../validation/class-rules';
import { error, TaskCode, warning } from '../validation/messages';
import { asArray, isJsonNode, type JsonNode } from '../validation/present-values';
import { isUrl } from '../validation/value-types';
import { loadNode } from './load-node';
import type { VerificationContext } from './verification-context';
import { text, textsOf } from '../report-texts/message-text';

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
  ctx.report(warning(TaskCode.REPORT_MESSAGE, text('DOCUMENT_ID_DIFFERS', { url, declaredId: String(node.id) }), url));
  const declaredId = node.id;
  if (!isUrl(declaredId)) return node;
  const canonical = await loadNode(declaredId, ctx);
  if (canonical && canonical.id !== declaredId) {
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, text('DOCUMENT_ID_DIFFERS_AGAIN', { url: declaredId, declaredId: String(canonical.id) }), declaredId));
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
    ? text('ENDORSEMENT_LINK_WITHDRAWN', { endorsement: ref })
    : text('ENDORSEMENT_LINK_UNAVAILABLE', { endorsement: ref, details: textsOf(failures) });
  const reported = warning(withdrawn ? TaskCode.ENDORSEMENT_REVOKED : TaskCode.ENDORSEMENT_UNAVAILABLE, problem, String(parent.id), 'endorsement');
  ctx.report(reported);
  ctx.endorsements.push({ id: ref, target: String(parent.id), status: withdrawn ? 'revoked' : 'unavailable', problems: [reported.message], problemTexts: [problem] });
  return undefined;
}

async function resolveLink(ref: unknown, parent: JsonNode, prop: string, ctx: VerificationContext): Promise<JsonNode | undefined> {
  if (isJsonNode(ref)) {
    if (typeof ref.id !== 'string') {
      ref.id = ctx.nextBlankNodeId();
      ctx.report(warning(TaskCode.REPORT_MESSAGE, text('EMBEDDED_WITHOUT_ID', { property: prop, parent: String(parent.id), assignedId: String(ref.id) }), String(parent.id), prop));
    }
    return ref;
  }
  if (typeof ref !== 'string') return undefined;
  if (ctx.nodes.has(ref)) return undefined;
  if (!isUrl(ref)) {
    ctx.report(error(TaskCode.FETCH_HTTP_NODE, text('LINK_NOT_URL', { property: prop, link: ref }), String(parent.id), prop));
    return undefined;
  }
  return loadByDeclaredId(ref, ctx);
}
