import { OB_V2_CONTEXT } from '../model/common';
import type { BadgeClass, RelatedBadgeClass } from '../model/badge-class';
import type { Criteria } from '../model/criteria';
import type { AlignmentObject } from '../model/alignment-object';
import type { BadgeClassInput } from './inputs';
import { omitUndefined } from './omit-undefined';

/**
 * BadgeClass document. Multilingual guidance (spec examples "versioning" and
 * "internationalization"): the node's language goes in `@language`, other-language editions are
 * listed in `related` as `{id, "@language", version?}`.
 */
export function buildBadgeClass(input: BadgeClassInput): BadgeClass {
  return omitUndefined({
    ...input.terms,
    '@context': OB_V2_CONTEXT,
    type: 'BadgeClass',
    id: input.id,
    '@language': input.language,
    name: input.name,
    description: input.description,
    image: input.image,
    criteria: buildCriteria(input.criteria),
    issuer: input.issuer,
    alignment: input.alignment?.map((a): AlignmentObject => omitUndefined({ ...a })),
    tags: input.tags,
    version: input.version,
    related: input.related?.map(
      (r): RelatedBadgeClass => omitUndefined({ id: r.id, '@language': r.language, version: r.version }),
    ),
    endorsement: input.endorsement,
  });
}

/**
 * A criteria URL alone is published as a plain IRI (the most widely understood form); anything
 * with a narrative is embedded. The spec needs at least one of the two.
 */
function buildCriteria(criteria: BadgeClassInput['criteria']): string | Criteria {
  if (!criteria.id && !criteria.narrative) {
    throw new TypeError('BadgeClass criteria needs a URL (id) or a narrative.');
  }
  if (criteria.id && !criteria.narrative) return criteria.id;
  return omitUndefined({ type: 'Criteria', id: criteria.id, narrative: criteria.narrative });
}
