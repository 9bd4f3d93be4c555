import v2Context from '../context/contexts/v2.json';

/**
 * Term lookups against the bundled v2 context. Types are compared by expanded IRI, not by
 * spelling, because the context gives several terms for one class (`HostedBadge` and `hosted`)
 * and compaction picks whichever is shortest.
 */
const TERMS = v2Context['@context'] as Record<string, unknown>;

const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;

export function isDefinedTerm(value: string): boolean {
  return Object.prototype.hasOwnProperty.call(TERMS, value) && !value.startsWith('@');
}

/** Expand a term or compact IRI (`obi:Assertion`) to an absolute IRI, if we can. */
export function expandTerm(value: string): string | undefined {
  let current: unknown = isDefinedTerm(value) ? TERMS[value] : value;
  if (current && typeof current === 'object') current = (current as { '@id'?: unknown })['@id'];
  if (typeof current !== 'string') return undefined;
  // Aliases such as `verify` -> `verification` point at another term: follow once.
  if (isDefinedTerm(current) && current !== value) return expandTerm(current);
  const colon = current.indexOf(':');
  if (colon > 0) {
    const prefix = current.slice(0, colon);
    const base = TERMS[prefix];
    if (typeof base === 'string' && !current.startsWith('//', colon + 1)) return base + current.slice(colon + 1);
    return ABSOLUTE_IRI.test(current) ? current : undefined;
  }
  return undefined;
}

/** An RDF type value is acceptable when it is a v2 term or an absolute IRI (extension classes). */
export function isKnownTypeValue(value: string): boolean {
  return expandTerm(value) !== undefined;
}

/** COMPACT_IRI value type (e.g. IdentityObject.type): a defined term or an absolute IRI. */
export function isCompactIri(value: string): boolean {
  return isDefinedTerm(value) || (ABSOLUTE_IRI.test(value) && value.includes(':'));
}

/** Does one of `values` denote the same class as one of `wanted` (compared by IRI)? */
export function typeMatchesOneOf(values: string[], wanted: readonly string[]): boolean {
  const wantedIris = new Set(wanted.map((w) => expandTerm(w) ?? w));
  return values.some((v) => wantedIris.has(expandTerm(v) ?? v));
}
