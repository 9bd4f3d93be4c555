import { readFileSync } from 'node:fs';
import { createBundledDocumentLoader } from './bundled-document-loader';
import { compactToObV2 } from './compact-to-ob-v2';
import { ForeignContextError } from './foreign-context-error';

const MAP = JSON.parse(readFileSync('/work/shared/conformance/documentLoaderMap.json', 'utf8')) as Record<string, string>;

describe('bundled document loader', () => {
  const load = createBundledDocumentLoader();

  it.each(Object.entries(MAP).filter(([url]) => !url.startsWith('_')))('serves %s from the bundled copy', async (url, file) => {
    const upstream = JSON.parse(readFileSync(`/work/shared/conformance/${file}`, 'utf8'));
    expect((await load(url)).document).toEqual(upstream);
  });

  it.each(['https://evil.example/ctx.json', 'https://w3id.org/openbadges/v3', 'file:///etc/passwd', 'http://w3id.org/openbadges/v2'])(
    'refuses %s with a typed error',
    async (url) => {
      await expect(load(url)).rejects.toMatchObject({ name: 'ForeignContextError', code: 'foreign_context', url });
    },
  );

  it('turns a foreign @context during compaction into ForeignContextError', async () => {
    await expect(compactToObV2({ '@context': 'https://evil.example/ctx', name: 'x' })).rejects.toBeInstanceOf(ForeignContextError);
    await expect(compactToObV2({ '@context': ['https://w3id.org/openbadges/v2', 'https://evil.example/x'], name: 'x' })).rejects.toBeInstanceOf(ForeignContextError);
  });

  it('compacts a v1 document into v2 terms', async () => {
    const out = await compactToObV2({ '@context': 'https://w3id.org/openbadges/v1', id: 'https://x.example/a', verify: { type: 'hosted' } });
    expect(out).toMatchObject({ '@context': 'https://w3id.org/openbadges/v2', verification: { type: 'hosted' } });
  });
});
