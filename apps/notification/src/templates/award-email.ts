import { awardPageUrl, type AssertionIssuedPayload } from '@badges/events';

import { defaultPart, EMAIL_LANGUAGES, inLanguages, TemplateKind, type EmailLanguage } from './default-templates';
import { renderEmail, type RenderedEmail } from './template-renderer';
import type { EffectiveTemplate } from './templates.service';

/**
 * The award email. When the recipient's address is a verified one of a passport learner whose
 * language we know (decision 0041), the built-in email is in that language alone, naming the badge
 * as its edition in that language does when it has one. Otherwise the badge's language speaks for
 * the recipient (decision 0035): the built-in email is in the badge class's language (English when
 * we have no words for it), and also in the other language when the badge has a translation in it,
 * each part naming the badge as that edition does. An institution's own template is sent as it
 * wrote it. Both link the badge and the passport.
 */
export function awardEmail(template: EffectiveTemplate, payload: AssertionIssuedPayload, recipientLanguage?: EmailLanguage): RenderedEmail {
  const passportUrl = passportUrlOf(payload.assertionUrl);
  // `assertionUrl` is the badge's page: the credential's for an award made in OB 3.0 only.
  const values = { issuerName: payload.issuerName, assertionUrl: awardPageUrl(payload), passportUrl };
  if (!template.isDefault) return renderEmail(template, { ...values, badgeName: payload.badgeClassName });
  const names = badgeNames(payload);
  // Each language's part names the badge in that language, so each is filled on its own.
  return inLanguages(
    (recipientLanguage ? [recipientLanguage] : emailLanguages(payload, names)).map((lang) => ({
      lang,
      ...renderEmail(defaultPart(TemplateKind.AssertionIssued, lang), { ...values, badgeName: names.get(lang) ?? payload.badgeClassName }),
    })),
  );
}

/** The badge's language first, then the other one we write emails in if the badge has that translation. */
export function emailLanguages(payload: AssertionIssuedPayload, names = badgeNames(payload)): EmailLanguage[] {
  const own = baseOf(payload.badgeLanguage ?? 'en');
  const first: EmailLanguage = isEmailLanguage(own) ? own : 'en';
  const other = EMAIL_LANGUAGES.find((lang) => lang !== first && names.has(lang));
  return other ? [first, other] : [first];
}

/** The badge's name by (base) language: its own, then its translations'. */
function badgeNames(payload: AssertionIssuedPayload): Map<string, string> {
  const names = new Map<string, string>();
  for (const translation of payload.badgeTranslations ?? []) names.set(baseOf(translation.language), translation.name);
  names.set(baseOf(payload.badgeLanguage ?? 'en'), payload.badgeClassName);
  return names;
}

/** The passport is on the same site as the badge's public page (links come from the event, not config). */
export function passportUrlOf(assertionUrl: string): string {
  const at = assertionUrl.indexOf('/public/');
  return `${at >= 0 ? assertionUrl.slice(0, at) : new URL(assertionUrl).origin}/passport`;
}

function baseOf(tag: string): string {
  return tag.toLowerCase().split('-')[0];
}

function isEmailLanguage(lang: string): lang is EmailLanguage {
  return (EMAIL_LANGUAGES as readonly string[]).includes(lang);
}
