import type { FastifyInstance } from 'fastify';

/** Images (PNG, SVG) and other markup a browser could render: inert, whatever they contain. */
export const IMAGE_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox";

/**
 * Server-rendered pages (public badge pages, share pages, the confirm-email page): no script at
 * all; their inline styles; images from us, data: URIs and the https issuers they show; forms
 * post only back to us; never framed, and no <base> can redirect their links.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "img-src 'self' data: https:",
  "style-src 'unsafe-inline'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** A page made to be framed by other sites (the share embed): PAGE_CSP, framable anywhere. */
export const EMBEDDABLE_PAGE_CSP = PAGE_CSP.replace("frame-ancestors 'none'", 'frame-ancestors *');

const PAGE_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;
const INERT_TYPES = /^(image\/|text\/xml\b|application\/xml\b|application\/[\w.+-]+\+xml\b)/i;

/** The policy a response gets from its Content-Type, when its route set none of its own. */
export function policyForContentType(contentType: string): string | undefined {
  if (PAGE_TYPES.test(contentType)) return PAGE_CSP;
  if (INERT_TYPES.test(contentType)) return IMAGE_CSP;
  return undefined;
}

/**
 * One place for the headers that keep user content inert: every response says nosniff, and
 * images and pages get their Content-Security-Policy chosen by Content-Type, so no controller
 * can forget it. A route that sets its own CSP (the web app, the share embed) keeps it.
 */
export function registerSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('content-security-policy')) {
      const policy = policyForContentType(String(reply.getHeader('content-type') ?? ''));
      if (policy) reply.header('content-security-policy', policy);
    }
    return payload;
  });
}
