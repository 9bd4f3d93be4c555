import type { LearnerEmailConfirmationRequestedPayload } from '@badges/events';

import type { OutgoingEmail } from '../emails/mailer';
import { wordsIn, writtenEmail, type Words } from '../emails/written-email';
import type { EmailLanguage } from '../templates/default-templates';

const CONFIRMATION: Record<EmailLanguage, (payload: LearnerEmailConfirmationRequestedPayload) => Words> = {
  en: (p) => ({
    subject: 'Confirm your email address for your badge passport',
    lines: [
      `Hello ${p.learnerName},`,
      '',
      `Confirm that ${p.email} is yours, so badges issued to it are collected into your passport:`,
      '',
      p.confirmUrl,
      '',
      'The link expires in 24 hours. If you did not ask for this, ignore this email.',
    ],
  }),
  fr: (p) => ({
    subject: 'Confirmez votre adresse pour votre passeport de badges',
    lines: [
      `Bonjour ${p.learnerName},`,
      '',
      `Confirmez que l'adresse ${p.email} est bien la vôtre, pour que les badges qui lui sont décernés arrivent dans votre passeport :`,
      '',
      p.confirmUrl,
      '',
      "Le lien expire dans 24 heures. Si vous n'avez rien demandé, ignorez ce courriel.",
    ],
  }),
};

/**
 * The passport's "confirm this address" email, in the learner's language; in English then French
 * when the event does not say it (events from before the passport kept it), so a French reader
 * never has to read English to collect their badges.
 */
export function confirmationMessage(payload: LearnerEmailConfirmationRequestedPayload, deliveryId: string): OutgoingEmail {
  return writtenEmail(wordsIn(CONFIRMATION, payload, payload.language), payload.email, deliveryId);
}
