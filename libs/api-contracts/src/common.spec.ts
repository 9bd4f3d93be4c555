import { canonicalLanguageTag, formatDateTimeV2, humanBoolean, isLanguageTag, isoDateTimeWithZone } from './common';

describe('common primitives', () => {
  it('formats dates like Badgr DateTimeWithUtcZAtEndField', () => {
    expect(formatDateTimeV2(new Date('2024-05-01T12:00:00+02:00'))).toBe('2024-05-01T10:00:00Z');
    expect(formatDateTimeV2('2024-05-01T10:00:00.250Z')).toBe('2024-05-01T10:00:00.250Z');
  });

  it('normalises offsets to UTC', () => {
    expect(isoDateTimeWithZone().parse('2024-05-01T12:00:00-04:00')).toBe('2024-05-01T16:00:00.000Z');
  });

  it('reads human booleans', () => {
    expect(['true', 'on', 1, true, 'yes'].map((v) => humanBoolean().parse(v))).toEqual([true, true, true, true, true]);
    expect(['false', 'off', 0, false, 'no'].map((v) => humanBoolean().parse(v))).toEqual([false, false, false, false, false]);
    expect(humanBoolean().safeParse(2).success).toBe(false);
  });

  it('checks and canonicalises BCP 47 tags', () => {
    expect(isLanguageTag('zh-Hant-TW')).toBe(true);
    expect(isLanguageTag('en_US')).toBe(false);
    expect(canonicalLanguageTag('EN-us')).toBe('en-US');
  });
});
