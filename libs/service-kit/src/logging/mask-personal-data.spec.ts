import { maskPersonalData } from './mask-personal-data';

describe('maskPersonalData', () => {
  it('keeps the first letter and the domain of every email address', () => {
    expect(maskPersonalData('awarded to jane.doe@example.org and b@x.ca')).toBe('awarded to j***@example.org and b***@x.ca');
  });

  it('leaves text without addresses alone', () => {
    expect(maskPersonalData('issuer abc123 created')).toBe('issuer abc123 created');
  });
});
