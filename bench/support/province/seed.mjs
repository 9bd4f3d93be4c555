// The province: `institutions` institutions, each with two issuers (faculties) of one badge class
// each, its first `manage` client and an `award` client (the staff's integration, which makes the
// awards), and for one in `webhookEvery` a webhook endpoint on the bench's receiver (the first such
// institution two endpoints, so "one webhook per subscribed endpoint" is tested with more than one).
import { forEachBounded } from './bounded.mjs';

export const WEBHOOK_EVENTS = ['badges.assertion.issued.v1', 'badges.assertion.revoked.v1'];
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const first = (body) => body?.result?.[0] ?? (Array.isArray(body) ? body[0] : body);

/** Throws with the answer when a set-up call fails: a half-seeded province measures nothing. */
const must = async (answer, what) => {
  const response = await answer;
  if (!response.ok) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
  return response.body;
};

async function clientToken(call, client) {
  const body = await must(call('setup', '/o/token', { body: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret } }), 'token');
  return body.access_token;
}

export async function seedProvince(call, adminToken, { institutions, webhookEvery }, webhookUrl) {
  const province = [];
  await forEachBounded(Array.from({ length: institutions }, (_, index) => index), 4, async (index) => {
    const name = `${index % 2 ? 'University' : 'College'} ${index + 1}`;
    const created = await must(call('setup', '/admin/institutions', { token: adminToken, body: { name } }), 'institution');
    const manage = await clientToken(call, created.client);
    const staffClient = first(await must(call('setup', '/v2/clients', { token: manage, body: { name: 'Registrar integration', scope: 'award' } }), 'award client'));
    const staff = await clientToken(call, staffClient);
    const badgeClasses = [];
    for (const faculty of ['Arts', 'Trades']) {
      const issuer = first(await must(call('setup', '/v2/issuers', { token: manage, body: { name: `${name} ${faculty}`, email: `badges${index}@inst${index}.example`, url: `https://inst${index}.example/${faculty.toLowerCase()}` } }), 'issuer'));
      const badgeClass = first(await must(call('setup', `/v2/issuers/${issuer.entityId}/badgeclasses`, { token: manage, body: { name: `${faculty} micro-credential`, description: 'Province bench badge.', image: PNG, criteriaNarrative: 'Completed the module.' } }), 'badge class'));
      badgeClasses.push({ id: badgeClass.entityId, issuerId: issuer.entityId });
    }
    const endpoints = [];
    if (index % webhookEvery === 0) {
      for (let n = 0; n < (index === 0 ? 2 : 1); n++) {
        const endpoint = `inst${index}-hook${n}`;
        await must(call('setup', '/v2/webhooks', { token: manage, body: { url: webhookUrl(endpoint), events: WEBHOOK_EVENTS } }), 'webhook');
        endpoints.push(endpoint);
      }
    }
    province[index] = { index, id: created.id, name, manage, staff, badgeClasses, endpoints };
  });
  return province;
}
