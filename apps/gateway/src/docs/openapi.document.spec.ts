import { buildOpenApiDocument } from './openapi.document';

type Json = Record<string, unknown>;

/** Every `$ref` anywhere under `node`. */
function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => refsIn(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument('https://badges.example') as { paths: Record<string, Record<string, Json>>; components: { schemas: Json; securitySchemes: Json }; tags: { name: string }[] };
  const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })));

  it('resolves every $ref to a component', () => {
    const unresolved = [...new Set(refsIn(document))].filter((ref) => !(ref.replace('#/components/schemas/', '') in document.components.schemas));
    expect(unresolved).toEqual([]);
  });

  it('names only security schemes and tags it defines', () => {
    const tags = new Set(document.tags.map((tag) => tag.name));
    for (const { path, method, operation } of operations) {
      for (const tag of operation.tags as string[]) expect({ path, method, tag, known: tags.has(tag) }).toEqual({ path, method, tag, known: true });
      for (const requirement of (operation.security as Json[] | undefined) ?? []) {
        for (const scheme of Object.keys(requirement)) expect({ path, method, scheme, known: scheme in document.components.securitySchemes }).toEqual({ path, method, scheme, known: true });
      }
    }
  });

  it('declares every path parameter of every operation', () => {
    for (const { path, method, operation } of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const declared = ((operation.parameters as { name: string; in: string }[] | undefined) ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name).sort();
      expect({ path, method, declared }).toEqual({ path, method, declared: inPath });
    }
  });

  it('gives every operation a summary and at least one success answer', () => {
    for (const { path, method, operation } of operations) {
      const codes = Object.keys(operation.responses as Json);
      expect({ path, method, summary: typeof operation.summary, success: codes.some((code) => /^[23]/.test(code)) }).toEqual({ path, method, summary: 'string', success: true });
    }
  });

  it('names on each client route the token scope the gateway requires of it', () => {
    const scopes = (path: string, method: string) => (document.paths[path][method].security as { clientToken: string[] }[])[0].clientToken;
    expect(scopes('/v2/issuers', 'get')).toEqual(['r:issuer']);
    expect(scopes('/v2/badgeclasses/{entityId}/assertions', 'post')).toEqual(['award:issuer']);
    expect(scopes('/v2/assertions/{entityId}', 'delete')).toEqual(['award:issuer']);
    expect(scopes('/v2/badgeclasses/{entityId}', 'put')).toEqual(['rw:issuer']);
    expect(scopes('/v2/clients', 'get')).toEqual(['rw:issuer']);
    expect(Object.keys((document.components.securitySchemes.clientToken as { flows: { clientCredentials: { scopes: Json } } }).flows.clientCredentials.scopes)).toEqual(['r:issuer', 'award:issuer', 'rw:issuer']);
  });
});
