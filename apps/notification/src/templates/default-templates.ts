import { TEMPLATE_KINDS, type TemplateKindName } from '@badges/api-contracts';

import type { EmailTemplateContent } from './template-renderer';

/** Template kinds an institution can override (one today; the contract lists them). */
export const TemplateKind = { AssertionIssued: 'assertion-issued' } as const satisfies Record<string, TemplateKindName>;
export type TemplateKind = TemplateKindName;

export function isTemplateKind(value: string): value is TemplateKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(value);
}

/** The built-in templates, used when an institution has no override. */
export const DEFAULT_TEMPLATES: Record<TemplateKind, EmailTemplateContent> = {
  [TemplateKind.AssertionIssued]: {
    subject: '{{issuerName}} awarded you the badge "{{badgeName}}"',
    text: [
      'Congratulations!',
      '',
      '{{issuerName}} has awarded you the badge "{{badgeName}}".',
      '',
      'View and share your badge: {{assertionUrl}}',
      '',
      'The attached image is your badge with its data baked in: you can upload it to any Open Badges backpack.',
      '',
    ].join('\n'),
    html: [
      '<!doctype html>',
      '<html><body style="font-family: sans-serif; line-height: 1.5">',
      '<p>Congratulations!</p>',
      '<p><strong>{{issuerName}}</strong> has awarded you the badge <strong>{{badgeName}}</strong>.</p>',
      '<p><a href="{{assertionUrl}}">View and share your badge</a></p>',
      '<p>The attached image is your badge with its data baked in: you can upload it to any Open Badges backpack.</p>',
      '</body></html>',
      '',
    ].join('\n'),
  },
};
