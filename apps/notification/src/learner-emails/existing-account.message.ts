import type { LearnerExistingSignupAttemptedPayload } from '@badges/events';

import type { OutgoingEmail } from '../emails/mailer';

/**
 * The owner's notice that someone signed up with their address, in English then French (the
 * passport does not know the owner's language). It says what happened and what to do, and
 * nothing the person who signed up typed except the address itself.
 */
export function existingAccountMessage(payload: LearnerExistingSignupAttemptedPayload, deliveryId: string): OutgoingEmail {
  const { email, learnerName, signInUrl } = payload;
  const text = [
    `Hello ${learnerName},`,
    '',
    `Someone tried to create a badge passport with your address, ${email}. You already have one, so nothing was created and your passport is unchanged.`,
    '',
    `If it was you, sign in to your passport instead: ${signInUrl}`,
    'If you have forgotten your password, contact the people who run this platform.',
    'If it was not you, you can ignore this email.',
    '',
    '---',
    '',
    `Bonjour ${learnerName},`,
    '',
    `Quelqu'un a tenté de créer un passeport de badges avec votre adresse, ${email}. Vous en avez déjà un : rien n'a été créé et votre passeport n'a pas changé.`,
    '',
    `Si c'était vous, connectez-vous plutôt à votre passeport : ${signInUrl}`,
    "Si vous avez oublié votre mot de passe, contactez les responsables de cette plateforme.",
    "Si ce n'était pas vous, vous pouvez ignorer ce courriel.",
    '',
  ].join('\n');
  return {
    deliveryId,
    to: email,
    subject: 'You already have a badge passport / Vous avez déjà un passeport de badges',
    text,
    html: null,
  };
}
