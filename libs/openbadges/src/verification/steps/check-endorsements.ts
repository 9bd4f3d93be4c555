import { hostedIdInVerificationScope } from '../../validation/hosted-policy-checks';
import { typeMatchesOneOf } from '../../validation/v2-terms';
import { TaskCode, warning } from '../../validation/messages';
import { asArray, isJsonNode, type JsonNode } from '../../validation/present-values';
import { revocationDetails } from '../revocation-message';
import type { VerificationContext } from '../verification-context';
import { checkSignedEndorsement, type EndorsementProblem } from './check-signed-endorsement';
import { text, textsOf } from '../../report-texts/message-text';

/**
 * Checks every endorsement listed by a node of the badge (not the input itself): its claim must
 * name that node, its endorser's Profile must have loaded, a hosted one must live where its
 * endorser allows, and it must not say it is revoked. A signed one must also carry its endorser's
 * valid signature and be absent from its endorser's RevocationList (checkSignedEndorsement).
 * Each lands in `report.endorsements`; the failures are warnings, since a third party's
 * endorsement does not decide the badge's own validity.
 */
export async function checkEndorsements(ctx: VerificationContext): Promise<void> {
  const input = ctx.nodes.keys().next().value;
  for (const [targetId, target] of ctx.nodes) {
    for (const endorsementId of asArray<unknown>(target.endorsement)) {
      if (typeof endorsementId !== 'string' || endorsementId === input) continue;
      const endorsement = ctx.nodes.get(endorsementId);
      if (!endorsement || ctx.classes.get(endorsementId) !== 'Endorsement') continue;
      const endorser = typeof endorsement.issuer === 'string' ? ctx.nodes.get(endorsement.issuer) : undefined;
      const problems = problemsOf(endorsement, targetId, endorser);
      let revoked = endorsement.revoked === true;
      if (!revoked && endorser && isSigned(endorsement)) {
        const signed = await checkSignedEndorsement(endorsement, endorser, ctx);
        problems.push(...signed.problems);
        if (signed.revocation !== undefined) {
          revoked = true;
          problems.unshift(withdrawn(endorsementId, signed.revocation));
        }
      }
      const reported = problems.map((problem) => warning(problem.code, problem.text, endorsementId));
      for (const message of reported) ctx.report(message);
      const claim = isJsonNode(endorsement.claim) ? endorsement.claim : {};
      ctx.endorsements.push({
        id: endorsementId,
        target: targetId,
        status: revoked ? 'revoked' : problems.length > 0 ? 'invalid' : 'valid',
        ...(endorser ? { endorser: { id: String(endorser.id), ...(typeof endorser.name === 'string' ? { name: endorser.name } : {}) } } : {}),
        ...(typeof claim.endorsementComment === 'string' ? { comment: claim.endorsementComment } : {}),
        ...(typeof endorsement.issuedOn === 'string' ? { issuedOn: endorsement.issuedOn } : {}),
        problems: reported.map((message) => message.message),
        ...(problems.length > 0 ? { problemTexts: problems.map((problem) => problem.text) } : {}),
      });
    }
  }
}

function isSigned(endorsement: JsonNode): boolean {
  return isJsonNode(endorsement.verification) && typeMatchesOneOf(asArray<string>(endorsement.verification.type), ['SignedBadge']);
}

/** `source` says why: the endorsement itself (`revoked: true`) or its endorser's RevocationList entry. */
function withdrawn(id: string, source: unknown): EndorsementProblem {
  const { reason } = revocationDetails(source);
  return { code: TaskCode.ENDORSEMENT_REVOKED, text: text('ENDORSEMENT_WITHDRAWN', { endorsement: id, reason: typeof reason === 'string' ? reason.trim() : '' }) };
}

function problemsOf(endorsement: JsonNode, targetId: string, endorser: JsonNode | undefined): EndorsementProblem[] {
  const id = String(endorsement.id);
  if (endorsement.revoked === true) return [withdrawn(id, endorsement)];
  const problems: EndorsementProblem[] = [];
  const claim = endorsement.claim;
  const claimId = typeof claim === 'string' ? claim : isJsonNode(claim) ? claim.id : undefined;
  if (claimId !== targetId) {
    problems.push({
      code: TaskCode.ENDORSEMENT_CLAIM_MISMATCH,
      text: claimId === undefined ? text('ENDORSEMENT_CLAIMS_NOTHING', { endorsement: id, target: targetId }) : text('ENDORSEMENT_CLAIMS_OTHER', { endorsement: id, claim: String(claimId), target: targetId }),
    });
  }
  if (!endorser) {
    problems.push({ code: TaskCode.ENDORSEMENT_NOT_VERIFIED, text: text('ENDORSEMENT_ENDORSER_UNAVAILABLE', { endorsement: id }) });
  } else {
    for (const message of hostedIdInVerificationScope(endorsement, endorser)) {
      problems.push({ code: TaskCode.ENDORSEMENT_NOT_VERIFIED, text: text('ENDORSEMENT_OUT_OF_SCOPE', { endorsement: id, details: textsOf([message]) }) });
    }
  }
  return problems;
}
