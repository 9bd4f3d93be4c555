import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { CursorError, cursorPage } from './standin-cursor';
import { generateDataset, newAssertion, type StandinSize } from './standin-dataset';
import { StandinTokens } from './standin-auth';
import type { StandinAssertion, StandinDataset, StandinUser } from './standin-model';
import { assertionDocument, badgeClassDocument, issuerDocument } from './standin-public-documents';
import { assertionV2, backpackAssertionV2, badgeClassV2, collectionV2, issuerV2, pythonIsoformat, userV2, type SerializerContext } from './standin-serializers';

export interface BadgrStandinOptions {
  readonly size?: StandinSize;
  /** The origin in public ids (Badgr's OriginSetting.HTTP); default the stand-in's own. */
  readonly publicOrigin?: string;
  readonly accessTokenTtlSeconds?: number;
}

type Json = Record<string, unknown> | unknown[];
interface Reply {
  readonly status: number;
  readonly body?: Json | Buffer;
  readonly headers?: Record<string, string>;
}

/** UncachedPaginatedViewMixin: 1..500 per page, only when ?num= asks for paging. */
const MAX_LIST_PAGE = 500;
const DRF_PAGE_SIZE = 100;

/**
 * A Badgr API v2 server for tests (issue #18), on 127.0.0.1 with node:http: /o/token, the v2 routes
 * an importer reads, the public OB 2.0 documents and their images, and Badgr's cursor paging.
 * Responses follow Badgr's serializers field for field (test/fixtures/badgr/).
 */
export class BadgrStandin {
  readonly dataset: StandinDataset;
  readonly tokens: StandinTokens;
  /** `METHOD path?query` of every request, in order. */
  readonly requests: string[] = [];
  private server: Server | undefined;
  private ctx!: SerializerContext;
  private lastTick = 0;

  private constructor(private readonly options: BadgrStandinOptions) {
    this.dataset = generateDataset(options.size ?? 'small');
    this.tokens = new StandinTokens(() => this.dataset.users, options.accessTokenTtlSeconds ?? 86_400);
  }

  static async start(options: BadgrStandinOptions = {}): Promise<BadgrStandin> {
    const standin = new BadgrStandin(options);
    await standin.listen();
    return standin;
  }

  get origin(): string {
    return this.ctx.mediaOrigin;
  }

  get publicOrigin(): string {
    return this.ctx.publicOrigin;
  }

  institutionAccount(institution: number): StandinUser {
    return this.dataset.users.find((u) => u.institution === institution && u.username.startsWith('badges@')) as StandinUser;
  }

  learnerAccounts(): StandinUser[] {
    return this.dataset.users.filter((u) => u.institution === null);
  }

  /** Awards made now (a test's "between two runs"); their updated_at is after any earlier read. */
  addAssertions(count: number): StandinAssertion[] {
    const added = Array.from({ length: count }, (_, n) => newAssertion(this.dataset, this.dataset.assertions.length + n, this.tick()));
    this.dataset.assertions.push(...added);
    return added;
  }

  revoke(entityId: string, reason: string): void {
    const assertion = this.dataset.assertions.find((a) => a.entityId === entityId);
    if (!assertion) throw new Error(`No assertion ${entityId}`);
    Object.assign(assertion, { revoked: true, revocationReason: reason, updatedAt: this.tick() });
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Django's auto_now, strictly increasing so two changes never share an instant. */
  private tick(): Date {
    this.lastTick = Math.max(Date.now(), this.lastTick + 1);
    return new Date(this.lastTick);
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.ctx = { publicOrigin: this.options.publicOrigin ?? origin, mediaOrigin: origin, dataset: this.dataset };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.ctx.mediaOrigin);
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    let reply: Reply;
    try {
      reply = this.route(req, url, Buffer.concat(chunks).toString('utf8'));
    } catch (error) {
      reply = error instanceof CursorError ? { status: 404, body: { detail: 'Invalid cursor' } } : { status: 500, body: { detail: String(error) } };
    }
    const isBytes = Buffer.isBuffer(reply.body);
    res.writeHead(reply.status, { ...(reply.body !== undefined && !isBytes ? { 'content-type': 'application/json' } : {}), ...reply.headers });
    res.end(reply.body === undefined ? undefined : isBytes ? reply.body : JSON.stringify(reply.body));
  }

  private route(req: IncomingMessage, url: URL, body: string): Reply {
    const path = url.pathname;
    if (path === '/o/token' || path === '/o/token/') {
      if (req.method !== 'POST') return { status: 405 };
      const [status, json] = this.tokens.grant(new URLSearchParams(body), url.search !== '');
      return { status, body: json as Json };
    }
    if (path.startsWith('/media/')) return this.media(path.slice('/media/'.length));
    if (path.startsWith('/public/')) return this.publicRoute(path);
    if (!path.startsWith('/v2/')) return { status: 404 };
    const user = this.tokens.userOf(req.headers.authorization);
    if (user === undefined) return errorReply(401, 'no valid auth token found');
    return this.v2(user, path.slice('/v2/'.length), url) ?? errorReply(404, 'entity not found or insufficient privileges');
  }

  private v2(user: StandinUser, path: string, url: URL): Reply | null {
    const ctx = this.ctx;
    const issuers = this.dataset.issuers.filter((i) => i.staff.some((s) => s.userId === user.entityId));
    const issuerIds = new Set(issuers.map((i) => i.entityId));
    const badgeClasses = this.dataset.badgeClasses.filter((b) => issuerIds.has(b.issuerId));
    const assertions = () => this.dataset.assertions.filter((a) => issuerIds.has(a.issuerId));
    const includeStaff = !['false', '0'].includes((url.searchParams.get('include_staff') ?? 'true').toLowerCase());
    let match: RegExpExecArray | null;

    if (path === 'users/self') return { status: 200, body: { ...envelope([userV2(user)]), latestTermsVersion: 3 } };
    if (path === 'issuers') return { status: 200, body: envelope(issuers.map((i) => issuerV2(ctx, i, includeStaff))) };
    if (path === 'issuers/changed') return this.changed(url, issuers, (i) => issuerV2(ctx, i, includeStaff));
    if (path === 'badgeclasses/changed') return this.changed(url, badgeClasses, (b) => badgeClassV2(ctx, b));
    if (path === 'assertions/changed') return this.changed(url, assertions(), (a) => assertionV2(ctx, a));
    if (path === 'badgeclasses') return this.list(url, badgeClasses, (b) => badgeClassV2(ctx, b), false);
    if ((match = /^issuers\/([^/]+)$/.exec(path))) return detail(issuers.find((i) => i.entityId === match?.[1]), (i) => issuerV2(ctx, i, includeStaff));
    if ((match = /^issuers\/([^/]+)\/badgeclasses$/.exec(path))) {
      const id = match[1];
      return issuerIds.has(id) ? this.list(url, badgeClasses.filter((b) => b.issuerId === id), (b) => badgeClassV2(ctx, b), true) : null;
    }
    if ((match = /^issuers\/([^/]+)\/assertions$/.exec(path))) {
      const id = match[1];
      return issuerIds.has(id) ? this.list(url, awardFilter(url, assertions().filter((a) => a.issuerId === id)), (a) => assertionV2(ctx, a), true) : null;
    }
    if ((match = /^badgeclasses\/([^/]+)$/.exec(path))) return detail(badgeClasses.find((b) => b.entityId === match?.[1]), (b) => badgeClassV2(ctx, b));
    if ((match = /^badgeclasses\/([^/]+)\/assertions$/.exec(path))) {
      const id = match[1];
      return badgeClasses.some((b) => b.entityId === id) ? this.list(url, awardFilter(url, assertions().filter((a) => a.badgeClassId === id)), (a) => assertionV2(ctx, a), true) : null;
    }
    if ((match = /^assertions\/([^/]+)$/.exec(path))) return detail(assertions().find((a) => a.entityId === match?.[1]), (a) => assertionV2(ctx, a));
    if (path === 'backpack/assertions') return { status: 200, body: envelope(this.backpack(user, url).map((a) => backpackAssertionV2(ctx, a))) };
    if (path === 'backpack/collections') {
      return { status: 200, body: envelope(this.dataset.collections.filter((c) => c.ownerId === user.entityId).map((c) => collectionV2(ctx, c))) };
    }
    return null;
  }

  /** The changed feeds (AssertionsChangedSince and its siblings): updated_at > since, ascending, always paged. */
  private changed<T extends { updatedAt: Date }>(url: URL, rows: readonly T[], serialize: (row: T) => unknown): Reply {
    const timestamp = this.tick();
    const sinceText = url.searchParams.get('since');
    const since = sinceText === null ? null : Date.parse(sinceText);
    if (since !== null && (Number.isNaN(since) || !/(Z|[+-]\d{2}:?\d{2})$/.test(sinceText ?? ''))) {
      return { status: 400, body: { ...envelope([], false, 'bad request'), fieldErrors: { since: ['must be ISO-8601 format with time zone'] }, validationErrors: [] } };
    }
    const sorted = rows.filter((row) => since === null || row.updatedAt.getTime() > since).sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime());
    const page = cursorPage(sorted, (row) => row.updatedAt, false, pageSize(url, DRF_PAGE_SIZE, Number.MAX_SAFE_INTEGER), url);
    return {
      status: 200,
      body: {
        ...envelope(page.items.map(serialize)),
        pagination: { hasNext: page.next !== null, nextResults: page.next, hasPrevious: page.previous !== null, previousResults: page.previous },
        timestamp: pythonIsoformat(timestamp),
      },
    };
  }

  /** UncachedPaginatedViewMixin: everything unless ?num=, then -created_at pages linked from the Link header. */
  private list<T extends { createdAt: Date }>(url: URL, rows: readonly T[], serialize: (row: T) => unknown, newestFirst: boolean): Reply {
    if (!url.searchParams.has('num')) return { status: 200, body: envelope(rows.map(serialize)) };
    const sorted = [...rows].sort((a, b) => (newestFirst ? b.createdAt.getTime() - a.createdAt.getTime() : a.createdAt.getTime() - b.createdAt.getTime()));
    const page = cursorPage(sorted, (row) => row.createdAt, newestFirst, pageSize(url, MAX_LIST_PAGE, MAX_LIST_PAGE), url);
    const links = [page.next ? `<${page.next}>; rel="next"` : null, page.previous ? `<${page.previous}>; rel="prev"` : null].filter(Boolean);
    return { status: 200, body: envelope(page.items.map(serialize)), headers: links.length ? { link: links.join(', ') } : {} };
  }

  /** BackpackAssertionList: the learner's awards by verified email; declined never, others only when asked. */
  private backpack(user: StandinUser, url: URL): StandinAssertion[] {
    const verified = new Set(user.emails.filter((e) => e.verified).map((e) => e.email));
    const flag = (name: string) => ['1', 'true'].includes((url.searchParams.get(name) ?? 'false').toLowerCase());
    const now = Date.now();
    return this.dataset.assertions.filter(
      (a) =>
        a.recipientType === 'email' &&
        verified.has(a.recipientIdentifier) &&
        a.acceptance !== 'Rejected' &&
        (flag('include_expired') || a.expiresAt === null || a.expiresAt.getTime() >= now) &&
        (flag('include_revoked') || !a.revoked),
    );
  }

  private publicRoute(path: string): Reply {
    const ctx = this.ctx;
    const match = /^\/public\/(issuers|badges|assertions)\/([^/.]+)(\/image)?$/.exec(path);
    if (!match) return { status: 404 };
    const [, kind, id, image] = match;
    if (kind === 'issuers') {
      const issuer = this.dataset.issuers.find((i) => i.entityId === id);
      if (!issuer) return { status: 404 };
      if (!image) return { status: 200, body: issuerDocument(ctx, issuer) };
      return issuer.imageFile ? redirect(`${ctx.mediaOrigin}/media/${issuer.imageFile}`) : { status: 404 };
    }
    if (kind === 'badges') {
      const badgeClass = this.dataset.badgeClasses.find((b) => b.entityId === id);
      if (!badgeClass) return { status: 404 };
      return image ? redirect(`${ctx.mediaOrigin}/media/${badgeClass.imageFile}`) : { status: 200, body: badgeClassDocument(ctx, badgeClass) };
    }
    const assertion = this.dataset.assertions.find((a) => a.entityId === id);
    if (!assertion) return { status: 404 };
    if (!image) return { status: 200, body: assertionDocument(ctx, assertion) };
    // BadgeInstanceImage: none for a revoked badge. The stand-in serves the class image unbaked.
    return assertion.revoked ? { status: 404 } : redirect(`${ctx.mediaOrigin}/media/uploads/badges/assertion-${assertion.entityId}.png`);
  }

  private media(file: string): Reply {
    const assertionImage = /^uploads\/badges\/assertion-([^/]+)\.png$/.exec(file);
    if (assertionImage) {
      const assertion = this.dataset.assertions.find((a) => a.entityId === assertionImage[1]);
      const badgeClass = assertion && this.dataset.badgeClasses.find((b) => b.entityId === assertion.badgeClassId);
      return badgeClass ? this.media(badgeClass.imageFile) : { status: 404 };
    }
    const stored = this.dataset.media.get(file);
    return stored ? { status: 200, body: stored.bytes, headers: { 'content-type': stored.contentType } } : { status: 404 };
  }
}

function envelope(result: unknown[], success = true, description = 'ok') {
  return { status: { success, description }, result };
}

function errorReply(status: number, description: string): Reply {
  return { status, body: { ...envelope([], false, description), fieldErrors: {}, validationErrors: [] } };
}

function detail<T>(row: T | undefined, serialize: (row: T) => unknown): Reply | null {
  return row === undefined ? null : { status: 200, body: envelope([serialize(row)]) };
}

function redirect(location: string): Reply {
  return { status: 302, headers: { location } };
}

/** include_revoked / include_expired (apps/issuer/api.py 416-420): both left out unless asked. */
function awardFilter(url: URL, rows: StandinAssertion[]): StandinAssertion[] {
  const flag = (name: string) => ['1', 'true'].includes((url.searchParams.get(name) ?? '').toLowerCase());
  const now = Date.now();
  return rows.filter((a) => (flag('include_revoked') || !a.revoked) && (flag('include_expired') || a.expiresAt === null || a.expiresAt.getTime() >= now));
}

function pageSize(url: URL, fallback: number, max: number): number {
  const asked = Number.parseInt(url.searchParams.get('num') ?? '', 10);
  return Number.isInteger(asked) ? Math.min(max, Math.max(1, asked)) : fallback;
}
