import { confirmationMessage } from '../../../apps/notification/src/learner-emails/confirmation.message';
import { existingAccountMessage } from '../../../apps/notification/src/learner-emails/existing-account.message';
import { staffInvitationMessage, staffPasswordResetMessage } from '../../../apps/notification/src/staff-emails/staff-messages';
import { defaultPart, TemplateKind, type EmailLanguage } from '../../../apps/notification/src/templates/default-templates';
import { proseFragments } from './english-phrases';

/** Stands for every value an email fills in (names, addresses, links): phrases are cut there. */
const VALUE = '⟦value⟧';

/**
 * Every built-in email the notification service writes to a person, in `lang`, its values left
 * out. Endorsement emails are not here: they go to an institution's public contact address, whose
 * language nobody knows, and are written in English (decision 0041).
 */
function builtInEmails(lang: EmailLanguage): string[] {
  const learner = { learnerId: VALUE, identifierId: VALUE, email: VALUE, learnerName: VALUE, confirmUrl: VALUE, signInUrl: VALUE, language: lang };
  const staff = { staffId: VALUE, email: VALUE, name: VALUE, institutionName: VALUE, language: lang, expiresAt: VALUE, acceptUrl: VALUE, resetUrl: VALUE };
  const award = defaultPart(TemplateKind.AssertionIssued, lang);
  return [confirmationMessage(learner, VALUE), existingAccountMessage(learner, VALUE), staffInvitationMessage(staff, VALUE), staffPasswordResetMessage(staff, VALUE)]
    .flatMap((email) => [email.subject, email.text])
    .concat(award.subject, award.text);
}

/**
 * The English sentences of the platform's own emails (issue #17) that a French reader's email must
 * never contain, found as the web catalogue's are: the English renderings cut at their values and
 * lines, less anything the French renderings also say.
 */
export function englishEmailPhrases(): string[] {
  return proseFragments(builtInEmails('en'), builtInEmails('fr'), /⟦value⟧|\{\{[^}]*\}\}|\n/);
}

/** The built-in English emails, whole: the crawl checks that its phrases would catch each of them. */
export function englishEmails(): string[] {
  return builtInEmails('en');
}
