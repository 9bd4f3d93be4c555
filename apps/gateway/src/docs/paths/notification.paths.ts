import { body, clientOp, conflict, idParam, noContent, ok, queryParam, type PathItems } from './operations';

const kindParam = { name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: ['assertion-issued'] } };

/** The notification service: webhooks and award emails (docs/events.md, docs/api.md). */
export const NOTIFICATION_PATHS: PathItems = {
  '/v2/webhooks': {
    post: clientOp('Webhooks', 'Register a webhook endpoint (the signing secret is returned once)', { '201': ok('The endpoint, with `secret`', 'Webhook') }, {
      requestBody: body('WebhookCreateBody'),
      description: 'Each delivery is a POST of the event envelope, signed: `Badges-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` (docs/events.md).',
    }),
    get: clientOp('Webhooks', 'List webhook endpoints', { '200': ok('Endpoints (no secrets)', 'Webhook') }),
  },
  '/v2/webhooks/{entityId}': {
    delete: clientOp('Webhooks', 'Delete a webhook endpoint', { '204': noContent('Deleted') }, { parameters: [idParam()] }),
  },
  '/v2/webhooks/{entityId}/deliveries': {
    get: clientOp('Webhooks', 'Deliveries of an endpoint: status, attempts, response status, last error', { '200': ok('Deliveries', 'WebhookDelivery') }, { parameters: [idParam()] }),
  },
  '/v2/webhooks/{entityId}/deliveries/{deliveryId}/redeliver': {
    post: clientOp('Webhooks', 'Send a delivery again', { '202': ok('Re-queued', 'WebhookDelivery'), ...conflict('the delivery is still queued.') }, { parameters: [idParam(), idParam('deliveryId')] }),
  },
  '/v2/notifications/emails': {
    get: clientOp('Notifications', 'Award emails and their delivery status', { '200': ok('Email deliveries', 'EmailDelivery') }, {
      parameters: [queryParam('assertion', { type: 'string' }, 'Only the emails of this assertion.')],
    }),
  },
  '/v2/notifications/emails/{entityId}': {
    get: clientOp('Notifications', 'One award email', { '200': ok('Email delivery', 'EmailDelivery') }, { parameters: [idParam()] }),
  },
  '/v2/notifications/emails/{entityId}/resend': {
    post: clientOp('Notifications', 'Send an award email again', { '202': ok('Re-queued', 'EmailDelivery'), ...conflict('the email is still queued.') }, { parameters: [idParam()] }),
  },
  '/v2/notifications/templates/{kind}': {
    get: clientOp('Notifications', 'The template in effect: the institution’s override, or the default', { '200': ok('Template', 'EmailTemplate') }, { parameters: [kindParam] }),
    put: clientOp('Notifications', 'Override the template', { '200': ok('Template', 'EmailTemplate') }, {
      parameters: [kindParam],
      requestBody: body('TemplateBody'),
      description: 'Placeholders: `{{badgeName}}`, `{{issuerName}}`, `{{assertionUrl}}`, `{{passportUrl}}` (HTML-escaped in `html`); an unknown one is refused.',
    }),
    delete: clientOp('Notifications', 'Back to the default template (204 whether or not there was an override)', { '204': noContent('Reset') }, { parameters: [kindParam] }),
  },
};
