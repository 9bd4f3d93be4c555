import { formatActor, parseActor } from './actor';

describe('actor text', () => {
  it('formats and parses client and staff actors', () => {
    for (const actor of [{ type: 'client', id: 'Qx3_-abcDEF0123456789a' }, { type: 'staff', id: 's1' }] as const) {
      expect(parseActor(formatActor(actor))).toEqual(actor);
    }
    expect(formatActor({ type: 'client', id: 'abc' })).toBe('client:abc');
  });

  it.each(['', 'client', 'client:', ':abc', 'robot:abc', 'Client:abc', 'client:a b', 'client:a:b', 'staff:abc\n', `client:${'a'.repeat(65)}`])(
    'refuses %j',
    (text) => {
      expect(parseActor(text)).toBeUndefined();
    },
  );
});
