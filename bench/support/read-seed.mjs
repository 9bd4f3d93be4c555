// What the read benchmark reads: one badge with everything a reader can ask for (assertion, badge
// class and issuer documents, the assertion's page and baked image, a passport share page, a
// public endorsement), made through the gateway's API like a real institution and learner would.
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An 8×8 RGBA PNG of one colour, so the bench needs no binary fixture. */
function tinyPng() {
  const chunk = (type, data) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(8, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(32, 0x80)]);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(Array(8).fill(row)))), chunk('IEND', Buffer.alloc(0))]);
}

async function json(base, path, { method = 'GET', body, token, headers = {} } = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

/** A new institution's id and a client token for it. */
async function institution(base, adminToken, name) {
  const { id, client } = await json(base, '/admin/institutions', { method: 'POST', token: adminToken, body: { name } });
  const { access_token: token } = await json(base, '/o/token', { method: 'POST', body: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret } });
  return { id, token };
}

/** The emailed confirmation token for `email`, once the notification has written it to DATA_DIR/outbox. */
async function confirmationToken(dataDir, email) {
  for (let attempt = 0; attempt < 100; attempt++) {
    let names = [];
    try {
      names = readdirSync(join(dataDir, 'outbox'));
    } catch {
      // not written yet
    }
    for (const name of names) {
      const mail = readFileSync(join(dataDir, 'outbox', name), 'latin1').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      const token = new RegExp(`^To: ${email}[\\s\\S]*confirm-email\\?token=([A-Za-z0-9_-]+)`, 'm').exec(mail)?.[1];
      if (token) return token;
    }
    await sleep(100);
  }
  throw new Error(`no confirmation email for ${email}`);
}

/**
 * Ids (and paths) of one badge with a share page and an endorsement; `notes` says what could not be
 * set up (its rows then read "not set up" instead of failing the whole run).
 */
export async function seedReadBadge(base, adminToken, dataDir) {
  const { token: college } = await institution(base, adminToken, 'Read Bench College');
  const { token: council, id: councilId } = await institution(base, adminToken, 'Read Bench Council');
  const issuer = (await json(base, '/v2/issuers', { method: 'POST', token: college, body: { name: 'Read Bench College', email: 'badges@read.example', url: 'https://read.example' } })).result[0];
  const badgeClass = (await json(base, `/v2/issuers/${issuer.entityId}/badgeclasses`, { method: 'POST', token: college, body: { name: 'Welding', description: 'Safe welding.', image: `data:image/png;base64,${tinyPng().toString('base64')}`, criteriaNarrative: 'Passed the practical.' } })).result[0];
  // A new learner every run: the per-account sign-up limit lives in Redis and outlasts the stack.
  const email = `reader-${randomBytes(4).toString('hex')}@read.example`;
  const assertion = (await json(base, `/v2/badgeclasses/${badgeClass.entityId}/assertions`, { method: 'POST', token: college, body: { recipient: { identity: email, type: 'email', hashed: true } } })).result[0];
  const ids = { assertion: assertion.entityId, badgeClass: badgeClass.entityId, issuer: issuer.entityId };

  const notes = [];
  try {
    await json(base, '/v2/auth/signup', { method: 'POST', body: { email, password: 'a long bench password', name: 'Reader' } });
    await json(base, '/v2/auth/confirm-email', { method: 'POST', body: { token: await confirmationToken(dataDir, email) } });
    const { access_token: learner } = await json(base, '/v2/auth/token', { method: 'POST', body: { username: email, password: 'a long bench password' } });
    const [held] = (await json(base, '/v2/backpack/assertions', { token: learner })).result;
    await json(base, `/v2/backpack/assertions/${held.entityId}`, { method: 'PUT', token: learner, body: { acceptance: 'Accepted' } });
    ids.share = new URL((await json(base, '/v2/backpack/shares', { method: 'POST', token: learner, body: { type: 'badge', entityId: held.entityId } })).result[0].url).pathname;
  } catch (error) {
    notes.push(`share page not set up: ${error.message}`);
  }
  try {
    await json(base, '/v2/endorsers/self', { method: 'PUT', token: council, body: { name: 'Read Bench Council', url: 'https://council.example', email: 'endorse@council.example' } });
    await json(base, '/v2/endorsement-requests', { method: 'POST', token: college, body: { target: { type: 'BadgeClass', entityId: badgeClass.entityId }, endorser: councilId, message: 'Please endorse.' } });
    const [request] = (await json(base, '/v2/endorsement-requests?role=endorser', { token: council })).result;
    const endorsement = (await json(base, `/v2/endorsement-requests/${request.entityId}/approve`, { method: 'POST', token: council, body: { comment: 'Sound.' } })).result[0];
    ids.endorsement = new URL(endorsement.openBadgeId).pathname;
  } catch (error) {
    notes.push(`endorsement not set up: ${error.message}`);
  }
  return { ids, notes };
}
