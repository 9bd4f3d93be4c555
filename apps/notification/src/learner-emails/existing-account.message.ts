import type { LearnerExistingSignupAttemptedPayload } from '@badges/events';

import type { OutgoingEmail } from '../emails/mailer';
import { wordsIn, writtenEmail, type Words } from '../emails/written-email';
import type { EmailLanguage } from '../templates/default-templates';

const EXISTING_ACCOUNT: Record<EmailLanguage, (payload: LearnerExistingSignupAttemptedPayload) => Words> = {
  en: (p) => ({
    subject: 'You already have a badge passport',
    lines: [
      `Hello ${p.learnerName},`,
      '',
      `Someone tried to create a badge passport with your address, ${p.email}. You already have one, so nothing was created and your passport is unchanged.`,
      '',
      `If it was you, sign in to your passport instead: ${p.signInUrl}`,
      'If you have forgotten your password, contact the people who run this platform.',
      'If it was not you, you can ignore this email.',
    ],
  }),
  fr: (p) => ({
    subject: 'Vous avez déjà un passeport de badges',
    lines: [
      `Bonjour ${p.learnerName},`,
      '',
      `Quelqu'un a tenté de créer un passeport de badges avec votre adresse, ${p.email}. Vous en avez déjà un : rien n'a été créé et votre passeport n'a pas changé.`,
      '',
      `Si c'était vous, connectez-vous plutôt à votre passeport : ${p.signInUrl}`,
      'Si vous avez oublié votre mot de passe, contactez les responsables de cette plateforme.',
      "Si ce n'était pas vous, vous pouvez ignorer ce courriel.",
    ],
  }),
};

/**
 * The owner's notice that someone signed up with their address, in their language (English then
 * French when the event does not say it). It says what happened and what to do, and nothing the
 * person who signed up typed except the address itself.
 */
export function existingAccountMessage(payload: LearnerExistingSignupAttemptedPayload, deliveryId: string): OutgoingEmail {
  return writtenEmail(wordsIn(EXISTING_ACCOUNT, payload, payload.language), payload.email, deliveryId);
}
