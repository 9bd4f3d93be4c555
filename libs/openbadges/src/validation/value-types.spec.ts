import { readFileSync } from 'node:fs';
import { CLASS_RULES } from './class-rules';
import { parseZonedDateTime } from './datetime';
import { validateProperty } from './validate-property';
import { isDataUri, isIri, isUrl, isValidRdfTypeList, isValueOfType } from './value-types';

// Vectors lifted from the reference validator's tests (data only).
const V = JSON.parse(
  readFileSync('/work/shared/conformance/openbadges-validator-core/extracted/test_validation_vectors.json', 'utf8'),
);
const vec = V.vectors;

describe('value types (reference validator vectors)', () => {
  it.each(vec.test_url_validation.good_urls as string[])('URL ok: %s', (v) => expect(isUrl(v)).toBe(true));
  it.each(vec.test_url_validation.bad_urls as string[])('URL bad: %s', (v) => expect(isUrl(v)).toBe(false));
  it.each(vec.test_iri_validation.good_iris as string[])('IRI ok: %s', (v) => expect(isIri(v)).toBe(true));
  it.each(vec.test_iri_validation.bad_iris as string[])('IRI bad: %s', (v) => expect(isIri(v)).toBe(false));
  it.each(vec.test_data_uri_validation.good_uris as string[])('data URI ok: %s', (v) => expect(isDataUri(v)).toBe(true));
  it.each(vec.test_data_uri_validation.bad_uris as string[])('data URI bad: %s', (v) => expect(isDataUri(v)).toBe(false));
  it.each(vec.test_data_uri_or_url_validation.good_uris as string[])('data URI or URL ok: %s', (v) => expect(isValueOfType('DATA_URI_OR_URL', v)).toBe(true));
  it.each(vec.test_data_uri_or_url_validation.bad_uris as string[])('data URI or URL bad: %s', (v) => expect(isValueOfType('DATA_URI_OR_URL', v)).toBe(false));
  it.each(vec.test_url_authority.good_values as string[])('authority ok: %s', (v) => expect(isValueOfType('URL_AUTHORITY', v)).toBe(true));
  it.each(vec.test_url_authority.bad_values as string[])('authority bad: %s', (v) => expect(isValueOfType('URL_AUTHORITY', v)).toBe(false));
  it.each(vec.test_basic_telephone_property_validation.good_values as string[])('phone ok: %s', (v) => expect(isValueOfType('TELEPHONE', v)).toBe(true));
  it.each(vec.test_basic_telephone_property_validation.bad_values as string[])('phone bad: %s', (v) => expect(isValueOfType('TELEPHONE', v)).toBe(false));
  it.each(vec.test_basic_email_property_validation.good_values as string[])('email ok: %s', (v) => expect(isValueOfType('EMAIL', v)).toBe(true));
  it.each(vec.test_basic_email_property_validation.bad_values as string[])('email bad: %s', (v) => expect(isValueOfType('EMAIL', v)).toBe(false));
  it.each(vec.test_basic_datetime_property_validation._VALID_DATETIMES as string[])('datetime ok: %s', (v) =>
    expect(parseZonedDateTime(v)).toBe(Date.UTC(1977, 5, 10, 12) + (v.includes('-08') ? 8 : -8) * 3600_000),
  );
  it.each([...vec.test_basic_datetime_property_validation._INVALID_NOTZ_DATETIMES, ...vec.test_basic_datetime_property_validation._INVALID_DATETIMES])(
    'datetime bad: %s',
    (v) => expect(parseZonedDateTime(v)).toBeUndefined(),
  );
  it.each(V.compact_iri_vectors.valid as string[])('compact IRI ok: %s', (v) => expect(isValueOfType('COMPACT_IRI', v)).toBe(true));
  it.each(V.compact_iri_vectors.invalid as string[])('compact IRI bad: %s', (v) => expect(isValueOfType('COMPACT_IRI', v)).toBe(false));
  it.each(vec.test_validate_in_context_string_type.test_types as [unknown, boolean][])('RDF type %j -> %s', (value, ok) =>
    expect(isValidRdfTypeList(Array.isArray(value) ? value : [value])).toBe(ok),
  );
});

describe('required × many × null matrix (tags on a BadgeClass)', () => {
  const matrix = V.required_many_matrix;
  const visit = () => [];
  for (const [key, expectations] of Object.entries(matrix.expected as Record<string, boolean[]>)) {
    const required = key.includes('required=true');
    const many = key.includes('many=true');
    const rule = { prop: 'tags', type: 'TEXT' as const, required, many };
    it.each((matrix.values as unknown[]).map((v, i) => [JSON.stringify(v), v, expectations[i]]))(`${key}: %s`, (_s, value, ok) => {
      expect(validateProperty({ tags: value }, 'n', rule, visit).length === 0).toBe(ok);
    });
    it(`${key}: absent`, () => expect(validateProperty({}, 'n', rule, visit).length === 0).toBe(matrix.absent[`required=${required}`]));
  }
  it('BadgeClass.tags rule is TEXT many', () => expect(CLASS_RULES.BadgeClass.find((r) => r.prop === 'tags')).toMatchObject({ type: 'TEXT', many: true }));
});
