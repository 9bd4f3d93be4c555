import type { StaffInvitedPayload, StaffPasswordResetRequestedPayload } from '@badges/events';

import type { OutgoingEmail } from '../emails/mailer';
import { writtenEmail, type Words } from '../emails/written-email';

type Language = StaffInvitedPayload['language'];
/** `2026-05-01 14:30 UTC`: the same in both languages, and unambiguous. */
const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

const INVITATION: Record<Language, (payload: StaffInvitedPayload) => Words> = {
  en: (p) => ({
    subject: `You are invited to the badge console of ${p.institutionName}`,
    lines: [
      `Hello ${p.name},`,
      '',
      `${p.invitedByName ?? 'An administrator'} invited you to issue and manage badges for ${p.institutionName}.`,
      'Choose your password to accept the invitation:',
      '',
      p.acceptUrl,
      '',
      `The link works once, until ${when(p.expiresAt)}. Then sign in with this address, ${p.email}.`,
      'If you did not expect this invitation, ignore this email: nothing happens unless you accept it.',
    ],
  }),
  fr: (p) => ({
    subject: `Invitation à la console des badges de ${p.institutionName}`,
    lines: [
      `Bonjour ${p.name},`,
      '',
      `${p.invitedByName ?? 'Un administrateur'} vous invite à émettre et à gérer les badges de ${p.institutionName}.`,
      "Choisissez votre mot de passe pour accepter l'invitation :",
      '',
      p.acceptUrl,
      '',
      `Le lien ne sert qu'une fois, jusqu'au ${when(p.expiresAt)}. Connectez-vous ensuite avec cette adresse, ${p.email}.`,
      "Si vous n'attendiez pas cette invitation, ignorez ce courriel : rien ne se passe tant que vous ne l'acceptez pas.",
    ],
  }),
};

const PASSWORD_RESET: Record<Language, (payload: StaffPasswordResetRequestedPayload) => Words> = {
  en: (p) => ({
    subject: `Reset your password for the badge console of ${p.institutionName}`,
    lines: [
      `Hello ${p.name},`,
      '',
      `Someone asked to reset the password of ${p.email}. To choose a new one, open this link:`,
      '',
      p.resetUrl,
      '',
      `The link works once, until ${when(p.expiresAt)}. Every session of yours will be signed out.`,
      'If it was not you, ignore this email: your password stays as it is.',
    ],
  }),
  fr: (p) => ({
    subject: `Réinitialisez votre mot de passe de la console des badges de ${p.institutionName}`,
    lines: [
      `Bonjour ${p.name},`,
      '',
      `Quelqu'un a demandé de réinitialiser le mot de passe de ${p.email}. Pour en choisir un nouveau, ouvrez ce lien :`,
      '',
      p.resetUrl,
      '',
      `Le lien ne sert qu'une fois, jusqu'au ${when(p.expiresAt)}. Toutes vos sessions seront fermées.`,
      "Si ce n'était pas vous, ignorez ce courriel : votre mot de passe ne change pas.",
    ],
  }),
};

/** The invitation, in the language the inviter chose (text only, built in, as the learners' emails). */
export function staffInvitationMessage(payload: StaffInvitedPayload, deliveryId: string): OutgoingEmail {
  return writtenEmail(INVITATION[payload.language](payload), payload.email, deliveryId);
}

/** The reset link, in the person's language. */
export function staffPasswordResetMessage(payload: StaffPasswordResetRequestedPayload, deliveryId: string): OutgoingEmail {
  return writtenEmail(PASSWORD_RESET[payload.language](payload), payload.email, deliveryId);
}
