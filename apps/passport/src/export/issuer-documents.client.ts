import { Inject, Injectable } from '@nestjs/common';

import type { ServiceClient } from '@badges/service-kit';

import { ISSUER_CLIENT } from '../common/tokens';

export type IssuerDocument<T> = { kind: 'ok'; value: T } | { kind: 'gone'; status: number };

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Public documents of assertions issued on this platform, from the issuer over its internal
 * ServiceClient (in-process when embedded, the private network when distributed): never a URL a
 * user gave us, so it needs no safeFetch.
 */
@Injectable()
export class IssuerDocumentsClient {
  constructor(@Inject(ISSUER_CLIENT) private readonly issuer: ServiceClient) {}

  /** The award's baked image: its OB 2.0 assertion's, or (`credential`) its OB 3.0 credential's (decision 0048). */
  async bakedImage(assertionId: string, form: 'assertion' | 'credential' = 'assertion'): Promise<IssuerDocument<{ extension: 'png' | 'svg'; content: Buffer }>> {
    const response = await this.get(`/public/${form === 'credential' ? 'credentials' : 'assertions'}/${encodeURIComponent(assertionId)}/image`, 'image/png, image/svg+xml');
    if (response.kind === 'gone') return response;
    const svg = response.value.contentType === 'image/svg+xml';
    if (!svg && response.value.contentType !== 'image/png') throw new Error(`the issuer sent an unexpected image type "${response.value.contentType}"`);
    return { kind: 'ok', value: { extension: svg ? 'svg' : 'png', content: response.value.body } };
  }

  async assertionJson(assertionId: string): Promise<IssuerDocument<Record<string, unknown>>> {
    const response = await this.get(`/public/assertions/${encodeURIComponent(assertionId)}`, 'application/ld+json');
    if (response.kind === 'gone') return response;
    return { kind: 'ok', value: JSON.parse(response.value.body.toString('utf8')) as Record<string, unknown> };
  }

  /**
   * An award's OB 3.0 credential as the issuer stored it (decision 0048): the JSON with its proof
   * (`application/vc+ld+json`) or the compact VC-JWT (`application/vc+jwt`), as text, untouched.
   */
  async credential(assertionId: string): Promise<IssuerDocument<{ format: 'ldp' | 'jwt'; text: string }>> {
    const response = await this.get(`/public/credentials/${encodeURIComponent(assertionId)}`, 'application/vc+ld+json, application/vc+jwt, application/ld+json;q=0.5, application/json;q=0.5');
    if (response.kind === 'gone') return response;
    const { contentType, body } = response.value;
    if (contentType === 'application/vc+jwt' || contentType === 'application/jwt') return { kind: 'ok', value: { format: 'jwt', text: body.toString('utf8').trim() } };
    if (/^application\/(vc\+ld\+json|ld\+json|json)$/.test(contentType)) return { kind: 'ok', value: { format: 'ldp', text: body.toString('utf8') } };
    throw new Error(`the issuer sent a credential of an unexpected type "${contentType}"`);
  }

  /** A badge class's JSON-LD (`path` under /public/badges/, with its `?lang=` edition if any). */
  async badgeClassJson(path: string): Promise<IssuerDocument<Record<string, unknown>>> {
    if (!path.startsWith('/public/badges/')) throw new Error(`not a badge class path: ${path}`);
    const response = await this.get(path, 'application/ld+json');
    if (response.kind === 'gone') return response;
    return { kind: 'ok', value: JSON.parse(response.value.body.toString('utf8')) as Record<string, unknown> };
  }

  private async get(url: string, accept: string): Promise<IssuerDocument<{ contentType: string; body: Buffer }>> {
    const response = await this.issuer.request({ method: 'GET', url, headers: { accept } });
    if (response.status === 404 || response.status === 410) return { kind: 'gone', status: response.status };
    if (response.status !== 200) throw new Error(`the issuer answered ${response.status} for ${url}`);
    if (response.body.length > MAX_BYTES) throw new Error(`the issuer's document at ${url} is too large`);
    const header = response.headers['content-type'];
    const contentType = (Array.isArray(header) ? header[0] : header)?.split(';')[0].trim().toLowerCase() ?? '';
    return { kind: 'ok', value: { contentType, body: response.body } };
  }
}
