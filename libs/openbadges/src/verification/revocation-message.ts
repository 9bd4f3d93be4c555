import { text, type MessageText } from '../report-texts/message-text';
import { isJsonNode, type JsonNode } from '../validation/present-values';
import type { VerificationContext } from './verification-context';

/**
 * The sentence a person reads when a badge was revoked: who revoked it, when and why, as far as
 * the issuer told us ("This badge was revoked by Northern College on 2026-03-01: awarded in error.").
 */
export function revocationText(ctx: VerificationContext, details: { reason?: unknown; date?: unknown }): MessageText {
  const date = typeof details.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(details.date) ? details.date.slice(0, 10) : '';
  const reason = typeof details.reason === 'string' ? details.reason.trim() : '';
  return text('REVOKED', { issuer: findIssuerName(ctx) ?? '', date, reason });
}

function findIssuerName(ctx: VerificationContext): string | undefined {
  for (const [id, node] of ctx.nodes) {
    const cls = ctx.classes.get(id);
    if ((cls === 'Profile' || node.type === 'Issuer' || node.type === 'Profile') && typeof node.name === 'string') return node.name;
  }
  return undefined;
}

/** Revocation details in a document or RevocationList entry (`revokedAt` is ours; the others are seen in the wild). */
export function revocationDetails(entry: JsonNode | unknown): { reason?: unknown; date?: unknown } {
  if (!isJsonNode(entry)) return {};
  return { reason: entry.revocationReason, date: entry.revokedAt ?? entry.dateRevoked ?? entry.revocationDate };
}
