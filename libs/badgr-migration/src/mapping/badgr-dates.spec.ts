import { badgrInstant } from './badgr-dates';

describe('badgrInstant', () => {
  it.each([
    ['2020-03-02T14:11:52.381204Z', '2020-03-02T14:11:52.381Z'],
    ['2020-03-02T14:11:52Z', '2020-03-02T14:11:52.000Z'],
    ['2020-03-02T14:11:52.381204+00:00', '2020-03-02T14:11:52.381Z'],
    ['2020-03-02T09:11:52-05:00', '2020-03-02T14:11:52.000Z'],
  ])('reads %s as %s', (value, expected) => {
    expect(badgrInstant(value)).toBe(expected);
  });

  it.each(['2019-02-30T10:00:00Z', '2020-03-02T14:11:52', '2020-03-02', 'yesterday', '2020-13-01T00:00:00Z', '2020-03-02T24:30:00Z'])('refuses %s', (value) => {
    expect(badgrInstant(value)).toBeNull();
  });
});
