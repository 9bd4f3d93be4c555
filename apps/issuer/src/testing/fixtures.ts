import type { IssuerConfig } from '../config/issuer.config';

/** Test images: a 1x1 PNG and a tiny SVG (valid per the openbadges lib's inspector). */
export const PNG_DATA_URI =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const SVG_DATA_URI = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#08c"/></svg>',
).toString('base64')}`;
/** A GIF header: a real image, but not one a badge may be. */
export const GIF_DATA_URI = `data:image/png;base64,${Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64')}`;

export const TEST_CONFIG: IssuerConfig = {
  publicUrl: 'https://badges.example.org',
  recipientLookupSecret: 'test-recipient-lookup-secret-0123456789',
  secretsEncryptionKey: 'test-secrets-encryption-key-0123456789abcdef',
  port: 0,
  outboxRelayEnabled: true,
  allowPrivateNetwork: true,
};

export const issuerBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Faculty of Science',
  description: 'Science <b>faculty</b>',
  email: 'science@example.edu',
  url: 'https://science.example.edu',
  image: PNG_DATA_URI,
  ...overrides,
});

export const badgeClassBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Lab Safety',
  description: 'Completed lab safety training.',
  image: PNG_DATA_URI,
  criteriaNarrative: 'Attend the **training** and pass the quiz.',
  criteriaUrl: 'https://science.example.edu/lab-safety',
  alignments: [{ targetName: 'Safety Standard', targetUrl: 'https://standards.example.org/safety', targetCode: 'S1' }],
  tags: ['safety', 'lab'],
  expires: { amount: 2, duration: 'years' },
  language: 'en',
  translations: [{ language: 'fr', name: 'Sécurité au labo', description: 'Formation à la sécurité terminée.', criteriaNarrative: 'Suivre la formation.' }],
  ...overrides,
});
