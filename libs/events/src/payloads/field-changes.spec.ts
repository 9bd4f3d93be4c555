import { fieldChanges, fieldChangesSchema } from './field-changes';

describe('fieldChanges', () => {
  const before = { name: 'Welding', description: null as string | null, tags: ['a'], expires: new Date('2030-01-01T00:00:00.000Z'), secret: 'x' };

  it('lists only the named fields whose JSON value differs, with both values; dates as ISO text', () => {
    const after = { name: 'Welding I', description: null, tags: ['a'], expires: new Date('2031-01-01T00:00:00.000Z'), secret: 'y' };
    expect(fieldChanges(before, after, ['name', 'description', 'tags', 'expires'])).toEqual({
      name: { before: 'Welding', after: 'Welding I' },
      expires: { before: '2030-01-01T00:00:00.000Z', after: '2031-01-01T00:00:00.000Z' },
    });
  });

  it('leaves out fields the edit did not set, and reads undefined as null', () => {
    expect(fieldChanges(before, { tags: ['a', 'b'] }, ['name', 'tags'])).toEqual({ tags: { before: ['a'], after: ['a', 'b'] } });
    expect(fieldChanges(before, { description: undefined }, ['description'])).toEqual({});
  });

  it('is what events accept', () => {
    expect(fieldChangesSchema.safeParse(fieldChanges(before, { name: 'W', tags: [] }, ['name', 'tags'])).success).toBe(true);
    expect(fieldChangesSchema.safeParse({ 'not a field': { after: 1 } }).success).toBe(false);
  });
});
