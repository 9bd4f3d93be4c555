import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { hashIdentity, makeBadgeTestPng } from './badge-test-data';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A real HTTP server for the specs, on a loopback address of our choice (127.0.0.2 is loopback
 * too on Linux, so one test can allow-list it while 127.0.0.1 stays refused). Routes can be
 * replaced while it runs (a badge that gets revoked); every request is recorded.
 */
export class BadgeServer {
  readonly routes = new Map<string, Route>();
  readonly requests: string[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  origin = '';

  private constructor() {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      const route = this.routes.get((req.url ?? '').split('?')[0]);
      if (route) route(req, res);
      else res.writeHead(404).end();
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(host = '127.0.0.2'): Promise<BadgeServer> {
    const self = new BadgeServer();
    await new Promise<void>((resolve) => self.server.listen(0, host, resolve));
    self.origin = `http://${host}:${(self.server.address() as AddressInfo).port}`;
    return self;
  }

  json(path: string, document: unknown, status = 200, headers: Record<string, string> = {}): void {
    const body = JSON.stringify(document);
    this.routes.set(path, (_req, res) => res.writeHead(status, { 'content-type': 'application/ld+json', ...headers }).end(body));
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  async close(): Promise<void> {
    this.sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const RECIPIENT_EMAIL = 'learner@example.org';

/** A valid hosted badge (issuer, badge class, assertion, images) served by `server`. */
export function hostBadge(server: BadgeServer, options: { verification?: Record<string, unknown>; publicKey?: string; revocationList?: string } = {}) {
  const ids = { issuer: server.url('/issuer'), badge: server.url('/badge'), assertion: server.url('/assertion'), image: server.url('/image.png') };
  const issuer = {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Issuer',
    id: ids.issuer,
    name: 'Northern College',
    url: server.origin,
    email: 'badges@northern.example',
    ...(options.publicKey ? { publicKey: options.publicKey } : {}),
    ...(options.revocationList ? { revocationList: options.revocationList } : {}),
  };
  const badge = {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'BadgeClass',
    id: ids.badge,
    name: 'Welding I',
    description: 'Safe welding.',
    image: ids.image,
    criteria: { narrative: 'Passed the practical.' },
    issuer: ids.issuer,
  };
  const assertion = {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: ids.assertion,
    recipient: { type: 'email', hashed: true, salt: 'pepper', identity: hashIdentity(RECIPIENT_EMAIL, 'pepper') },
    badge: ids.badge,
    issuedOn: '2026-01-15T10:00:00Z',
    verification: options.verification ?? { type: 'hosted' },
  };
  server.json('/issuer', issuer);
  server.json('/badge', badge);
  server.json('/assertion', assertion);
  const png = makeBadgeTestPng();
  server.routes.set('/image.png', (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png));
  return { ids, issuer, badge, assertion };
}

/** An RSA key pair as PEM (SPKI public, PKCS#8 private), as an issuer would publish and keep. */
export function rsaKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
