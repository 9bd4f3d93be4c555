import { Topic, type BadgeEvent } from '@badges/events';

/** One email about an endorsement step, to one party, filed under that party's institution. */
export interface EndorsementEmail {
  institutionId: string;
  to: string;
  subject: string;
  text: string;
}

const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

/**
 * Who hears about each step (the addresses are the parties' public Profile emails, carried by
 * the event): the endorser about a request, the requester about an approval, and about a
 * withdrawal whichever party did not withdraw. Text only, built in (not an overridable template).
 * null when the event names no address for that party (e.g. published before these fields).
 */
export function endorsementEmailFor(event: BadgeEvent): EndorsementEmail | null {
  if (event.type === Topic.EndorsementRequested) {
    const { payload } = event;
    if (!payload.endorserEmail) return null;
    const what = payload.targetName ?? payload.target.entityId;
    return {
      institutionId: payload.endorserInstitutionId,
      to: payload.endorserEmail,
      subject: oneLine(`Endorsement requested: "${what}"`),
      text: [
        `You are asked to endorse the ${payload.target.type} "${what}".`,
        ...(payload.targetUrl ? ['', `It is published at ${payload.targetUrl}`] : []),
        ...(payload.message ? ['', 'Their message:', payload.message] : []),
        '',
        `Review it with GET /v2/endorsement-requests/${payload.requestId}, then approve or decline it.`,
        '',
      ].join('\n'),
    };
  }
  if (event.type === Topic.EndorsementIssued) {
    const { payload } = event;
    if (!payload.requesterEmail) return null;
    const who = payload.endorserName ?? 'The endorser';
    const what = payload.targetName ?? payload.target.entityId;
    return {
      institutionId: event.institutionId,
      to: payload.requesterEmail,
      subject: oneLine(`${who} endorsed "${what}"`),
      text: [`${who} endorsed the ${payload.target.type} "${what}".`, ...(payload.comment ? ['', payload.comment] : []), '', `The endorsement: ${payload.endorsementUrl}`, ''].join('\n'),
    };
  }
  if (event.type === Topic.EndorsementRevoked) {
    const { payload } = event;
    const byEndorser = payload.revokedByInstitutionId !== undefined && payload.revokedByInstitutionId === payload.endorserInstitutionId;
    const to = byEndorser ? payload.requesterEmail : payload.endorserEmail;
    const institutionId = byEndorser ? event.institutionId : payload.endorserInstitutionId;
    if (!to || !institutionId) return null;
    const what = payload.targetName ?? payload.target.entityId;
    return {
      institutionId,
      to,
      subject: oneLine(`Endorsement of "${what}" withdrawn`),
      text: [
        `The endorsement${payload.endorserName ? ` by ${payload.endorserName}` : ''} of the ${payload.target.type} "${what}" was withdrawn by the ${byEndorser ? 'endorser' : 'requester'}.`,
        ...(payload.revocationReason ? ['', `Reason: ${payload.revocationReason}`] : []),
        ...(payload.endorsementUrl ? ['', `It now reads as revoked at ${payload.endorsementUrl}`] : []),
        '',
      ].join('\n'),
    };
  }
  return null;
}
