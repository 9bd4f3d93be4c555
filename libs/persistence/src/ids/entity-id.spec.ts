import { isEntityId, newEntityId } from './entity-id';

describe('newEntityId', () => {
  const ids = Array.from({ length: 20_000 }, () => newEntityId());

  it('never starts with a character a spreadsheet reads as a formula', () => {
    // About 312 of 20,000 plain base64url ids would start with "-".
    expect(ids.filter((id) => /^[=+\-@\t\r]/.test(id))).toEqual([]);
  });

  it('keeps the 22-character base64url shape, uniqueness and a spread first character', () => {
    expect(ids.every((id) => /^[A-Za-z0-9_-]{22}$/.test(id) && isEntityId(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id[0])).size).toBe(63);
    expect(ids.some((id) => id.includes('-'))).toBe(true);
  });

  it('still accepts the ids made before, some of which start with "-"', () => {
    expect(isEntityId('-Rju2fJ5vQ1aP0tq3Yx9wA')).toBe(true);
  });
});
