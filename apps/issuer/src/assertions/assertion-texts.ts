import type { EvidenceItem } from '@badges/api-contracts';

import type { AssertionEvidence } from '../generated/prisma/client';

/** A narrative as stored: blank text is no narrative. */
export function storedNarrative(text: string | null | undefined): string | null {
  return text?.trim() ? text : null;
}

/** Evidence items as stored, in the order given (a blank narrative is none). */
export function storedEvidence(items: readonly EvidenceItem[]): Pick<AssertionEvidence, 'url' | 'narrative'>[] {
  return items.map((item) => ({ url: item.url ?? null, narrative: storedNarrative(item.narrative) }));
}
