import type { EmailTemplateContent } from './template-renderer';

/** Template kinds an institution can override (one today). */
export const TemplateKind = { AssertionIssued: 'assertion-issued' } as const;
export type TemplateKind = (typeof TemplateKind)[keyof typeof TemplateKind];

export function isTemplateKind(value: string): value is TemplateKind {
  return (Object.values(TemplateKind) as string[]).includes(value);
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
