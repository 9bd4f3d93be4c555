import { formatDate, formatDateTime, formatNumber } from './format';

describe('format (the one place the web app writes dates and numbers)', () => {
  it('writes dates and numbers the reader’s way', () => {
    expect(formatDate('2026-03-01T10:00:00Z', 'en')).toBe('March 1, 2026');
    expect(formatDate('2026-03-01T10:00:00Z', 'fr')).toBe('1 mars 2026');
    expect(formatNumber(1500, 'en')).toBe('1,500');
    expect(formatNumber(1500, 'fr')).toMatch(/^1\s500$/);
    expect(formatDateTime('not a date', 'fr')).toBe('not a date');
  });
});
