import { changeText, valueText, type ValueWords } from './change-text';

const words: ValueWords = {
  empty: 'none',
  nameOf: (id) => (id === 'IssuerAAAAAAAAAAAAAAAA' ? 'Faculty of Health' : undefined),
  roleGrant: (grant) => `${words.nameOf(grant.issuerId) ?? grant.issuerId}: ${grant.role}`,
};

describe('an audit change, as the console shows it', () => {
  it('reads before → after, a creation as what it set, a deletion as what it removed', () => {
    expect(changeText({ before: 'Robotics', after: 'Robotics I' }, words)).toBe('Robotics → Robotics I');
    expect(changeText({ after: 'award' }, words)).toBe('award');
    expect(changeText({ before: 'Choir' }, words)).toBe('Choir → none');
    expect(changeText({}, words)).toBe('');
  });

  it('names known ids and issuer roles, and keeps long values short', () => {
    expect(valueText('IssuerAAAAAAAAAAAAAAAA', words)).toBe('Faculty of Health');
    expect(valueText([{ issuerId: 'IssuerAAAAAAAAAAAAAAAA', role: 'editor' }], words)).toBe('Faculty of Health: editor');
    expect(valueText([], words)).toBe('none');
    expect(valueText(null, words)).toBe('none');
    expect(valueText(false, words)).toBe('false');
    expect(valueText({ type: 'BadgeClass', entityId: 'B1' }, words)).toBe('{"type":"BadgeClass","entityId":"B1"}');
    const long = valueText('x'.repeat(500), words);
    expect([long.length, long.endsWith('…')]).toEqual([120, true]);
  });
});
