import { AssertionListQueryWithCursorSchema, decodeCursor, encodeCursor } from './assertions.dto';

describe('assertion list query', () => {
  it('round-trips cursors and refuses forged ones', () => {
    const cursor = { createdAt: new Date('2024-05-01T00:00:00.123Z'), id: 'abc_DEF-123' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor('garbage')).toBeUndefined();
    expect(decodeCursor(Buffer.from('["not a date","x"]').toString('base64url'))).toBeUndefined();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toBeUndefined();
  });

  it('defaults num to 100 and caps it at 1000', () => {
    expect(AssertionListQueryWithCursorSchema.parse({}).num).toBe(100);
    expect(AssertionListQueryWithCursorSchema.parse({ num: '1000' }).num).toBe(1000);
    expect(AssertionListQueryWithCursorSchema.safeParse({ num: '1001' }).success).toBe(false);
    expect(AssertionListQueryWithCursorSchema.safeParse({ num: 'ten' }).success).toBe(false);
  });
});
