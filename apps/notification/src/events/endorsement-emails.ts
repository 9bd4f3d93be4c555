import { Topic, type BadgeEvent } from '@badges/events';

import type { Words } from '../emails/written-email';
import { APPROVAL_WORDS, REQUEST_WORDS, WITHDRAWAL_WORDS } from './endorsement-messages';

/** One email about an endorsement step, to one party, filed under that party's institution. */
export interface EndorsementEmail {
  institutionId: string;
  to: string;
  words: Words;
}

/**
 * Who hears about each step (the addresses are the parties' public Profile emails, carried by
 * the event): the endorser about a request, the requester about an approval, and about a
 * withdrawal whichever party did not withdraw. Each in that party's language, which the event
 * carries beside the address (decision 0047); events from before it say none, and are answered in
 * English, as they were. Text only, built in (not an overridable template). null when the event
 * names no address for that party (e.g. published before these fields).
 */
export function endorsementEmailFor(event: BadgeEvent): EndorsementEmail | null {
  if (event.type === Topic.EndorsementRequested) {
    const { payload } = event;
    if (!payload.endorserEmail) return null;
    return { institutionId: payload.endorserInstitutionId, to: payload.endorserEmail, words: REQUEST_WORDS[payload.endorserLanguage ?? 'en'](payload) };
  }
  if (event.type === Topic.EndorsementIssued) {
    const { payload } = event;
    if (!payload.requesterEmail) return null;
    return { institutionId: event.institutionId, to: payload.requesterEmail, words: APPROVAL_WORDS[payload.requesterLanguage ?? 'en'](payload) };
  }
  if (event.type === Topic.EndorsementRevoked) {
    const { payload } = event;
    const byEndorser = payload.revokedByInstitutionId !== undefined && payload.revokedByInstitutionId === payload.endorserInstitutionId;
    const to = byEndorser ? payload.requesterEmail : payload.endorserEmail;
    const institutionId = byEndorser ? event.institutionId : payload.endorserInstitutionId;
    if (!to || !institutionId) return null;
    const language = (byEndorser ? payload.requesterLanguage : payload.endorserLanguage) ?? 'en';
    return { institutionId, to, words: WITHDRAWAL_WORDS[language]({ payload, byEndorser }) };
  }
  return null;
}
