import { CreateInstitutionBodySchema } from './admin.contract';
import { expectInvalid, expectValid } from './testing/fixtures';

describe('CreateInstitutionBodySchema', () => {
  it('accepts a name, trimmed', () => {
    expect(expectValid(CreateInstitutionBodySchema, { name: '  Université de Montréal ' })).toEqual({ name: 'Université de Montréal' });
  });

  it.each([[{}], [{ name: '' }], [{ name: 12 }], [{ name: 'x'.repeat(256) }]])('rejects %j', (input) => {
    expect(expectInvalid(CreateInstitutionBodySchema, input).error.field).toBe('name');
  });
});
