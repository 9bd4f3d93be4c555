import type { EndorsementIssuedPayload, EndorsementRequestedPayload, EndorsementRevokedPayload } from '@badges/events';

import { writtenEmail, type Words } from '../../../apps/notification/src/emails/written-email';
import { APPROVAL_WORDS, REQUEST_WORDS, WITHDRAWAL_WORDS } from '../../../apps/notification/src/events/endorsement-messages';
import { confirmationMessage } from '../../../apps/notification/src/learner-emails/confirmation.message';
import { existingAccountMessage } from '../../../apps/notification/src/learner-emails/existing-account.message';
import { staffInvitationMessage, staffPasswordResetMessage } from '../../../apps/notification/src/staff-emails/staff-messages';
import { defaultPart, TemplateKind, type EmailLanguage } from '../../../apps/notification/src/templates/default-templates';
import { proseFragments } from './english-phrases';

/** Stands for every value an email fills in (names, addresses, links): phrases are cut there. */
const VALUE = '⟦value⟧';

/** What can be endorsed: each email names it in words of its own language. */
const TARGET_TYPES = ['Issuer', 'BadgeClass', 'Assertion'] as const;

/**
 * The endorsement emails (decision 0047) in `lang`, for every kind of target, with every optional
 * part present, and the approval without the endorser's name too (its words then say who).
 */
function endorsementEmails(lang: EmailLanguage): Words[] {
  return TARGET_TYPES.flatMap((type) => {
    const target = { type, entityId: VALUE };
    const request: EndorsementRequestedPayload = { requestId: VALUE, target, endorserInstitutionId: VALUE, targetUrl: VALUE, targetName: VALUE, message: VALUE, endorserEmail: VALUE };
    const approval: EndorsementIssuedPayload = { endorsementId: VALUE, endorsementUrl: VALUE, requestId: VALUE, target, endorserInstitutionId: VALUE, endorserName: VALUE, comment: VALUE, targetName: VALUE };
    const withdrawal: EndorsementRevokedPayload = { endorsementId: VALUE, target, revokedAt: VALUE, endorsementUrl: VALUE, endorserName: VALUE, revocationReason: VALUE, targetName: VALUE };
    return [
      REQUEST_WORDS[lang](request),
      APPROVAL_WORDS[lang](approval),
      APPROVAL_WORDS[lang]({ ...approval, endorserName: undefined }),
      WITHDRAWAL_WORDS[lang]({ payload: withdrawal, byEndorser: true }),
      WITHDRAWAL_WORDS[lang]({ payload: { ...withdrawal, endorserName: undefined }, byEndorser: false }),
    ];
  });
}

/** Every built-in email the notification service writes, in `lang`, its values left out: each as its parts (subject, text). */
function builtInEmails(lang: EmailLanguage): string[][] {
  const learner = { learnerId: VALUE, identifierId: VALUE, email: VALUE, learnerName: VALUE, confirmUrl: VALUE, signInUrl: VALUE, language: lang };
  const staff = { staffId: VALUE, email: VALUE, name: VALUE, institutionName: VALUE, language: lang, expiresAt: VALUE, acceptUrl: VALUE, resetUrl: VALUE };
  const award = defaultPart(TemplateKind.AssertionIssued, lang);
  const endorsements = endorsementEmails(lang).map((words) => writtenEmail(words, VALUE, VALUE));
  return [confirmationMessage(learner, VALUE), existingAccountMessage(learner, VALUE), staffInvitationMessage(staff, VALUE), staffPasswordResetMessage(staff, VALUE), ...endorsements]
    .map((email) => [email.subject, email.text])
    .concat([[award.subject, award.text]]);
}

/**
 * The English sentences of the platform's own emails (issue #17) that a French reader's email must
 * never contain, found as the web catalogue's are: the English renderings cut at their values and
 * lines, less anything the French renderings also say.
 */
export function englishEmailPhrases(): string[] {
  return proseFragments(builtInEmails('en').flat(), builtInEmails('fr').flat(), /⟦value⟧|\{\{[^}]*\}\}|\n/);
}

/** The built-in English emails, whole (subject and text): the crawl checks that its phrases would catch each of them. */
export function englishEmails(): string[] {
  return builtInEmails('en').map((parts) => parts.join('\n'));
}
