import type { EndorsementIssuedPayload, EndorsementRequestedPayload, EndorsementRevokedPayload } from '@badges/events';

import type { Words } from '../emails/written-email';
import type { EmailLanguage } from '../templates/default-templates';

type TargetType = EndorsementRequestedPayload['target']['type'];

/** What can be endorsed, in French, with its article (none takes "le", so "à" + it never contracts). */
const FRENCH_TARGET: Record<TargetType, string> = { Issuer: 'l’émetteur', BadgeClass: 'la classe de badge', Assertion: 'l’attribution' };

/** The endorsed entity's name when the event has it, else its id. */
const named = (payload: { targetName?: string; target: { entityId: string } }) => payload.targetName ?? payload.target.entityId;

/** To the endorser's contact: someone asks for an endorsement. */
export const REQUEST_WORDS: Record<EmailLanguage, (payload: EndorsementRequestedPayload) => Words> = {
  en: (p) => ({
    subject: `Endorsement requested: "${named(p)}"`,
    lines: [
      `You are asked to endorse the ${p.target.type} "${named(p)}".`,
      ...(p.targetUrl ? ['', `It is published at ${p.targetUrl}`] : []),
      ...(p.message ? ['', 'Their message:', p.message] : []),
      '',
      `Review it with GET /v2/endorsement-requests/${p.requestId}, then approve or decline it.`,
    ],
  }),
  fr: (p) => ({
    subject: `Demande de recommandation : « ${named(p)} »`,
    lines: [
      `On vous demande de recommander ${FRENCH_TARGET[p.target.type]} « ${named(p)} ».`,
      ...(p.targetUrl ? ['', `Sa page publique : ${p.targetUrl}`] : []),
      ...(p.message ? ['', 'Leur message :', p.message] : []),
      '',
      `Examinez la demande avec GET /v2/endorsement-requests/${p.requestId}, puis approuvez-la ou refusez-la.`,
    ],
  }),
};

/** To the requester's contact: the endorser approved. */
export const APPROVAL_WORDS: Record<EmailLanguage, (payload: EndorsementIssuedPayload) => Words> = {
  en: (p) => {
    const who = p.endorserName ?? 'The endorser';
    return {
      subject: `${who} endorsed "${named(p)}"`,
      lines: [`${who} endorsed the ${p.target.type} "${named(p)}".`, ...(p.comment ? ['', p.comment] : []), '', `The endorsement: ${p.endorsementUrl}`],
    };
  },
  fr: (p) => {
    const who = p.endorserName ?? 'Le recommandataire';
    return {
      subject: `${who} a recommandé « ${named(p)} »`,
      lines: [`${who} a recommandé ${FRENCH_TARGET[p.target.type]} « ${named(p)} ».`, ...(p.comment ? ['', p.comment] : []), '', `La recommandation : ${p.endorsementUrl}`],
    };
  },
};

/** A withdrawal, told to the party that did not withdraw. */
export interface Withdrawal {
  payload: EndorsementRevokedPayload;
  /** The endorser withdrew (so the requester is told); else the requester did. */
  byEndorser: boolean;
}

export const WITHDRAWAL_WORDS: Record<EmailLanguage, (withdrawal: Withdrawal) => Words> = {
  en: ({ payload: p, byEndorser }) => ({
    subject: `Endorsement of "${named(p)}" withdrawn`,
    lines: [
      `The endorsement${p.endorserName ? ` by ${p.endorserName}` : ''} of the ${p.target.type} "${named(p)}" was withdrawn by the ${byEndorser ? 'endorser' : 'requester'}.`,
      ...(p.revocationReason ? ['', `Reason: ${p.revocationReason}`] : []),
      ...(p.endorsementUrl ? ['', `It now reads as revoked at ${p.endorsementUrl}`] : []),
    ],
  }),
  fr: ({ payload: p, byEndorser }) => ({
    subject: `Recommandation de « ${named(p)} » retirée`,
    lines: [
      `La recommandation${p.endorserName ? ` donnée par ${p.endorserName}` : ''} à ${FRENCH_TARGET[p.target.type]} « ${named(p)} » a été retirée par ${byEndorser ? 'le recommandataire' : 'le demandeur'}.`,
      ...(p.revocationReason ? ['', `Motif : ${p.revocationReason}`] : []),
      ...(p.endorsementUrl ? ['', `Elle apparaît désormais comme révoquée à l’adresse ${p.endorsementUrl}`] : []),
    ],
  }),
};
