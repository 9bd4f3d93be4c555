import { TEMPLATE_KINDS, type TemplateKindName } from '@badges/api-contracts';

import type { EmailTemplateContent } from './template-renderer';

/** Template kinds an institution can override (one today; the contract lists them). */
export const TemplateKind = { AssertionIssued: 'assertion-issued' } as const satisfies Record<string, TemplateKindName>;
export type TemplateKind = TemplateKindName;

export function isTemplateKind(value: string): value is TemplateKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(value);
}

/** The languages the built-in emails are written in; the first is the default. */
export const EMAIL_LANGUAGES = ['en', 'fr'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

/** One language's part of a built-in email: its html is a fragment, so two languages can share one document. */
interface EmailPart {
  subject: string;
  text: string;
  htmlBody: string;
}

const ASSERTION_ISSUED: Record<EmailLanguage, EmailPart> = {
  en: {
    subject: '{{issuerName}} awarded you the badge "{{badgeName}}"',
    text: [
      'Congratulations!',
      '',
      '{{issuerName}} has awarded you the badge "{{badgeName}}".',
      '',
      'View and share your badge: {{assertionUrl}}',
      '',
      'Keep all your badges in one place, and share them, in your Badge Passport: {{passportUrl}}',
      '',
      'The attached image is your badge with its data baked in: you can upload it to any Open Badges backpack.',
      '',
    ].join('\n'),
    htmlBody: [
      '<p>Congratulations!</p>',
      '<p><strong>{{issuerName}}</strong> has awarded you the badge <strong>{{badgeName}}</strong>.</p>',
      '<p><a href="{{assertionUrl}}">View and share your badge</a></p>',
      '<p>Keep all your badges in one place, and share them, in your <a href="{{passportUrl}}">Badge Passport</a>.</p>',
      '<p>The attached image is your badge with its data baked in: you can upload it to any Open Badges backpack.</p>',
    ].join('\n'),
  },
  fr: {
    subject: '{{issuerName}} vous a décerné le badge « {{badgeName}} »',
    text: [
      'Félicitations !',
      '',
      '{{issuerName}} vous a décerné le badge « {{badgeName}} ».',
      '',
      'Voir et partager votre badge : {{assertionUrl}}',
      '',
      'Gardez tous vos badges au même endroit, et partagez-les, dans votre Passeport de badges : {{passportUrl}}',
      '',
      'L’image jointe est votre badge avec ses données intégrées : vous pouvez la déposer dans n’importe quel sac à badges Open Badges.',
      '',
    ].join('\n'),
    htmlBody: [
      '<p>Félicitations !</p>',
      '<p><strong>{{issuerName}}</strong> vous a décerné le badge <strong>{{badgeName}}</strong>.</p>',
      '<p><a href="{{assertionUrl}}">Voir et partager votre badge</a></p>',
      '<p>Gardez tous vos badges au même endroit, et partagez-les, dans votre <a href="{{passportUrl}}">Passeport de badges</a>.</p>',
      '<p>L’image jointe est votre badge avec ses données intégrées : vous pouvez la déposer dans n’importe quel sac à badges Open Badges.</p>',
    ].join('\n'),
  },
};

/** The built-in email of `kind` in one language, its html a fragment (see inLanguages). */
export function defaultPart(kind: TemplateKind, lang: EmailLanguage): EmailTemplateContent {
  const part = BUILT_IN[kind][lang];
  return { subject: part.subject, text: part.text, html: part.htmlBody };
}

/**
 * One email from one part per language (templates or rendered), one after the other: the subjects
 * joined by " / ", the texts by a rule, each html fragment in its own `lang` in one document.
 */
export function inLanguages(parts: readonly (EmailTemplateContent & { lang: EmailLanguage })[]): EmailTemplateContent {
  return {
    subject: parts.map((part) => part.subject).join(' / '),
    text: parts.map((part) => part.text).join('\n---\n\n'),
    html: [
      '<!doctype html>',
      `<html lang="${parts[0].lang}"><body style="font-family: sans-serif; line-height: 1.5">`,
      parts.map((part) => `<div lang="${part.lang}">\n${part.html ?? ''}\n</div>`).join('\n<hr>\n'),
      '</body></html>',
      '',
    ].join('\n'),
  };
}

const BUILT_IN: Record<TemplateKind, Record<EmailLanguage, EmailPart>> = { [TemplateKind.AssertionIssued]: ASSERTION_ISSUED };

/** The built-in templates as an institution sees (and overrides) them: English. */
export const DEFAULT_TEMPLATES: Record<TemplateKind, EmailTemplateContent> = {
  [TemplateKind.AssertionIssued]: inLanguages([{ lang: 'en', ...defaultPart(TemplateKind.AssertionIssued, 'en') }]),
};
