import { z } from 'zod';

import { contractMismatches } from './contract-mismatches';

describe('contractMismatches', () => {
  const Schema = z.object({
    name: z.string(),
    image: z.string().nullable(),
    tags: z.array(z.object({ label: z.string() })),
    extensions: z.record(z.string(), z.unknown()),
  });
  const exact = { name: 'Lab Safety', image: null, tags: [{ label: 'lab' }], extensions: { 'extensions:Any': { free: true } } };

  it('is empty for a value that is exactly the contract (a record keeps whatever it holds)', () => {
    expect(contractMismatches(Schema, exact)).toEqual([]);
  });

  it('names each field the contract does not describe, at any depth', () => {
    expect(contractMismatches(Schema, { ...exact, motto: 'x', tags: [{ label: 'lab' }, { label: 'safety', colour: 'red' }] })).toEqual([
      'tags.1.colour: not in the contract',
      'motto: not in the contract',
    ]);
  });

  it('names missing and mistyped fields', () => {
    const { image: _image, ...withoutImage } = exact;
    expect(contractMismatches(Schema, { ...withoutImage, name: 42 })).toEqual([
      expect.stringMatching(/^name: /),
      expect.stringMatching(/^image: /),
    ]);
    expect(contractMismatches(Schema, 'not an object')).toEqual([expect.stringMatching(/^\(root\): /)]);
  });
});
