import type { LearnerEmailConfirmationRequestedPayload } from '@badges/events';

import type { OutgoingEmail } from '../emails/mailer';

/**
 * The passport's "confirm this address" email, in English then French: the passport does not know
 * the learner's language (as for existingAccountMessage), and a French reader must not have to
 * read English to collect their badges.
 */
export function confirmationMessage(payload: LearnerEmailConfirmationRequestedPayload, deliveryId: string): OutgoingEmail {
  const { email, learnerName, confirmUrl } = payload;
  const text = [
    `Hello ${learnerName},`,
    '',
    `Confirm that ${email} is yours, so badges issued to it are collected into your passport:`,
    '',
    confirmUrl,
    '',
    'The link expires in 24 hours. If you did not ask for this, ignore this email.',
    '',
    '---',
    '',
    `Bonjour ${learnerName},`,
    '',
    `Confirmez que l'adresse ${email} est bien la vôtre, pour que les badges qui lui sont décernés arrivent dans votre passeport :`,
    '',
    confirmUrl,
    '',
    "Le lien expire dans 24 heures. Si vous n'avez rien demandé, ignorez ce courriel.",
    '',
  ].join('\n');
  return {
    deliveryId,
    to: email,
    subject: 'Confirm your email address for your badge passport / Confirmez votre adresse pour votre passeport de badges',
    text,
    html: null,
  };
}
