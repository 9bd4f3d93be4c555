import { addExpiry } from './expiry';

describe('addExpiry', () => {
  const issued = new Date('2024-02-29T12:00:00Z');
  it.each([
    [10, 'days', '2024-03-10T12:00:00.000Z'],
    [2, 'weeks', '2024-03-14T12:00:00.000Z'],
    [1, 'months', '2024-03-29T12:00:00.000Z'],
    [1, 'years', '2025-03-01T12:00:00.000Z'],
  ])('%i %s', (amount, duration, expected) => {
    expect(addExpiry(issued, amount, duration).toISOString()).toBe(expected);
  });

  it('refuses unknown durations', () => {
    expect(() => addExpiry(issued, 1, 'fortnights')).toThrow(RangeError);
  });
});
