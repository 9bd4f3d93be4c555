import { unbakeBadgeImage } from '@badges/openbadges';

import type { PublicDocument } from '../public-documents/public-documents.service';
import type { PublicAssertion, PublicDocumentsRepository, PublicImage } from '../public-documents/public-documents.repository';
import { AssertionImageBaker } from './assertion-image.baker';

const CLEAN_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
/** What intake refuses today, as it may have been stored before the allow-list (decision 0018). */
const STORED_BEFORE_THE_ALLOW_LIST = '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/></foreignObject></svg>';

/** The repository holds the images; the baker's own logic is what is under test. */
function bakerWith(images: Record<string, string>): AssertionImageBaker {
  const documents = {
    findImage: async (id: string): Promise<PublicImage | null> =>
      images[id] === undefined ? null : { contentType: 'image/svg+xml', sha256: id, bytes: Buffer.from(images[id]) },
  } as unknown as PublicDocumentsRepository;
  return new AssertionImageBaker(documents);
}

function source(id: string, imageId: string): { assertion: PublicAssertion; document: PublicDocument } {
  const json = { id: `https://badges.example/public/assertions/${id}` };
  return { assertion: { id, badgeClass: { id: `class-of-${id}`, imageId } } as unknown as PublicAssertion, document: { json } as unknown as PublicDocument };
}

describe('AssertionImageBaker', () => {
  it('bakes the assertion URL and JSON into a clean stored SVG', async () => {
    const [baked] = await bakerWith({ clean: CLEAN_SVG }).bakeAll([source('a1', 'clean')]);
    expect(baked.mimeType).toBe('image/svg+xml');
    expect(unbakeBadgeImage(baked.bytes)?.payload).toContain('https://badges.example/public/assertions/a1');
  });

  it('leaves out an assertion whose stored image the baker now refuses, instead of failing the whole batch', async () => {
    const baked = await bakerWith({ clean: CLEAN_SVG, hostile: STORED_BEFORE_THE_ALLOW_LIST }).bakeAll([source('a1', 'hostile'), source('a2', 'clean')]);
    expect(baked.map((b) => b.assertionId)).toEqual(['a2']);
  });
});
