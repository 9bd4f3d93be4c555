import type { ReportCatalog } from './catalog';

/** A sentence ends with one full stop, whatever the value it ends with (a reason may bring its own). */
const period = (value: string) => `${value.trim().replace(/\.+$/, '')}.`;

/** The report in English: the wording the platform always had (tests and clients rely on it). */
export const EN: ReportCatalog = {
  messages: {
    INPUT_JSON_NOT_OBJECT: () => 'The JSON input is not an object.',
    INPUT_JSON_TOO_DEEP: (p) => `The input is JSON nested more than ${p('maxDepth')} levels deep, which no badge is.`,
    INPUT_JSON_UNPARSEABLE: () => 'The input looks like JSON but could not be parsed.',
    INPUT_UNRECOGNISED: () => 'The input is not a web address, badge JSON, a signed badge (JWS) or a badge image.',
    INPUT_IMAGE_UNRECOGNISED: () => 'The file is neither a PNG nor an SVG image.',
    IMAGE_UNREADABLE: (p) => `This ${p('kind')} image could not be checked for a badge: ${p('reason')}`,
    IMAGE_NOT_BAKED: (p) => `This ${p('kind')} image has no badge baked into it. Ask the issuer for the badge's link or its baked image.`,
    IMAGE_PAYLOAD_UNRECOGNISED: (p) => `The badge baked into this ${p('kind')} image is not a web address, badge JSON or a signed badge.`,
    JSON_NOT_VERIFIABLE: () =>
      'Could not determine verifiable input from provided JSON: it has no hosted (http/https) address to check it against. ' +
      'Provide the badge URL, the signed badge (JWS) or the baked badge image instead.',
    TOO_MANY_DOCUMENTS: (p) => `Stopped before fetching ${p('url')}: this badge links to too many documents (limit ${p('limit')}).`,
    FETCH_FAILED: (p) => `Could not download ${p('url')}: ${period(p('reason'))}${p.has('advice') ? ` ${p('advice')}` : ''}`,
    FETCH_HTTP_STATUS: (p) => `Could not download ${p('url')}: the server answered HTTP ${p('status')}.`,
    DOCUMENT_NOT_JSON: (p) => `The document at ${p('url')} is not valid JSON.`,
    DOCUMENT_NOT_OBJECT: (p) => `The document at ${p('url')} is not a JSON object.`,
    DOCUMENT_TOO_DEEP: (p) => `The document at ${p('url')} is nested more than ${p('maxDepth')} levels deep, which no badge is; it was not processed.`,
    DOCUMENT_TOO_LARGE: (p) => `The document at ${p('url')} holds more than ${p('maxValues')} values, far more than any badge; it was not processed.`,
    DOCUMENT_LEGACY_UPGRADED: (p) => `The document at ${p('url')} uses Open Badges ${p('version')}; it was upgraded to 2.0 before checking.`,
    DOCUMENT_UNKNOWN_CONTEXT: (p) =>
      `The document at ${p('url')} could not be read: it uses the JSON-LD context ${p('context')}, which is not an Open Badges context known to this server (unknown contexts are never downloaded).`,
    DOCUMENT_NOT_JSONLD: (p) => `The document at ${p('url')} could not be read: it is not valid JSON-LD (${p('reason')}).`,
    DOCUMENT_ID_DIFFERS: (p) => `The document fetched from ${p('url')} says its address is ${p('declaredId')}; that address was used instead.`,
    DOCUMENT_ID_DIFFERS_AGAIN: (p) => `The document at ${p('url')} declares yet another id (${p('declaredId')}); it cannot be trusted.`,
    EMBEDDED_WITHOUT_ID: (p) => `The embedded "${p('property')}" of ${p('parent')} has no id; a temporary id ${p('assignedId')} was assigned.`,
    LINK_NOT_URL: (p) => `The "${p('property')}" link ${p('link')} is not a web address, so it cannot be looked up.`,
    REVOKED: (p) =>
      `This badge was revoked ${p.has('issuer') ? `by ${p('issuer')}` : 'by its issuer'}${p.has('date') ? ` on ${p('date')}` : ''}` +
      `${p.has('reason') ? `: ${period(p('reason'))}` : '. No reason was given.'} It is no longer valid; the earner can ask the issuer about it.`,
    REVOKED_GONE: (p) => `${p('revocation')} (${p('url')} answers HTTP 410 Gone.)`,
    REVOKED_LISTED: (p) => `${p('revocation')} (Listed in ${p('list')}.)`,
    REVOCATION_LIST_UNAVAILABLE: (p) => `The issuer's revocation list ${p('list')} could not be loaded, so it is unknown whether this badge was revoked.`,
    JWS_UNUSABLE: (p) => `The signed badge is not usable: ${period(p('reason'))}`,
    JWS_NOT_OBJECT: () => 'the signed content is not a JSON object',
    JWS_UNDECODABLE: (p) => `it could not be decoded (${p('reason')})`,
    JWS_ALGORITHM_REFUSED: (p) => `The badge is signed with "${p('alg')}", which is not accepted (only RS256 and ES256 are).`,
    SIGNATURE_ISSUER_UNAVAILABLE: () => 'The signature cannot be checked because the badge issuer could not be loaded.',
    SIGNATURE_KEY_NOT_LISTED: (p) => `The badge was signed with the key ${p('key')}, which its issuer does not list among its published keys.`,
    SIGNATURE_KEY_NOT_OWNED: (p) => `The key ${p('key')} does not say it belongs to the issuer ${p('issuer')}.`,
    SIGNATURE_NO_KEYS: () => 'The signature cannot be checked: neither the badge nor its issuer names a public key.',
    SIGNATURE_INVALID: (p) => `The signature of this badge is not valid: it was altered or not signed by its issuer (${p('reasons')}).`,
    IMAGE_NOT_DOWNLOADABLE: (p) => `The badge image ${p('url')} could not be downloaded${p.has('status') ? ` (HTTP ${p('status')})` : ''}.`,
    ENDORSEMENT_WITHDRAWN: (p) =>
      `The endorsement ${p('endorsement')} was withdrawn by its endorser${p.has('reason') ? `: ${period(p('reason'))}` : '.'} It no longer vouches for this badge.`,
    ENDORSEMENT_LINK_WITHDRAWN: (p) => `The endorsement ${p('endorsement')} has been withdrawn by its endorser, so it no longer vouches for this badge.`,
    ENDORSEMENT_LINK_UNAVAILABLE: (p) => `The endorsement ${p('endorsement')} could not be checked, so it does not count: ${p('details')}`,
    ENDORSEMENT_CLAIMS_OTHER: (p) =>
      `The endorsement ${p('endorsement')} vouches for ${p('claim')}, not for ${p('target')} which lists it, so it does not count for this badge.`,
    ENDORSEMENT_CLAIMS_NOTHING: (p) =>
      `The endorsement ${p('endorsement')} vouches for nothing, not for ${p('target')} which lists it, so it does not count for this badge.`,
    ENDORSEMENT_ENDORSER_UNAVAILABLE: (p) => `The endorser of ${p('endorsement')} could not be identified: its profile did not load.`,
    ENDORSEMENT_OUT_OF_SCOPE: (p) => `The endorsement ${p('endorsement')} is not hosted where its endorser publishes endorsements: ${p('details')}`,
    ENDORSEMENT_SIGNED_FORM_UNAVAILABLE: (p) =>
      withDetails(`The signed form of the endorsement ${p('endorsement')} could not be downloaded (${p('reason')}), so its signature cannot be checked.`, p('details')),
    ENDORSEMENT_SIGNED_FORM_UNUSABLE: (p) => withDetails(`The signed form of the endorsement ${p('endorsement')} is not usable: ${period(p('reason'))}`, p('details')),
    ENDORSEMENT_ALGORITHM_REFUSED: (p) =>
      withDetails(`The endorsement ${p('endorsement')} is signed with "${p('alg')}", which is not accepted (only RS256 and ES256 are).`, p('details')),
    ENDORSEMENT_SIGNED_FORM_DIFFERS: (p) =>
      withDetails(`The signed form of the endorsement ${p('endorsement')} is not the endorsement published there (its id, endorser or claim differ).`, p('details')),
    ENDORSEMENT_KEY_NOT_LISTED: (p) =>
      withDetails(`The endorsement ${p('endorsement')} was signed with the key ${p('key')}, which its endorser ${p('endorser')} does not list among its published keys.`, p('details')),
    ENDORSEMENT_KEY_NOT_OWNED: (p) =>
      withDetails(`The key ${p('key')} that signed the endorsement ${p('endorsement')} does not say it belongs to its endorser ${p('endorser')}.`, p('details')),
    ENDORSEMENT_NO_KEYS: (p) =>
      withDetails(`The signature of the endorsement ${p('endorsement')} cannot be checked: neither it nor its endorser names a public key.`, p('details')),
    ENDORSEMENT_SIGNATURE_INVALID: (p) =>
      withDetails(`The signature of the endorsement ${p('endorsement')} is not valid: it was altered or not signed by its endorser (${p('reasons')}).`, p('details')),
    ENDORSEMENT_REVOCATION_LIST_UNAVAILABLE: (p) =>
      withDetails(`The endorser's revocation list ${p('list')} could not be loaded, so it is unknown whether the endorsement ${p('endorsement')} was withdrawn.`, p('details')),
    HOSTED_ID_NOT_URL: () => 'A hosted badge must have a web (http/https) address as its id, so it can be checked at its source.',
    HOSTED_ISSUER_WITHOUT_URL: () => 'The issuer has no web address, so where its badges may be hosted cannot be checked.',
    HOSTED_OUTSIDE_ORIGINS: (p) => `The badge is hosted on ${p('host')}, but its issuer only allows badges hosted on ${p('allowed')}. It may not really come from this issuer.`,
    HOSTED_OUTSIDE_PREFIXES: (p) => `The badge address does not start with any of the prefixes its issuer allows (${p('allowed')}). It may not really come from this issuer.`,
    CRITERIA_EMPTY: () => 'The badge criteria need either a link to a criteria page (id) or a narrative describing them.',
    BADGE_WITHOUT_IMAGE: () => 'The badge has no image. Every BadgeClass needs a PNG or SVG image.',
    ASSERTION_IMAGE_DATA_URI: () => 'The assertion image may not be embedded as a data: URI; it must be a link to a hosted image.',
    IMAGE_TYPE_REFUSED: (p) =>
      `The embedded image is "${p.has('mediaType') ? p('mediaType') : 'of unknown type'}"; only PNG (image/png) or SVG (image/svg+xml) images are allowed.`,
    RECIPIENT_NONE_GIVEN: (p) => `The badge was issued to a recipient identified by ${p('type')}, and no ${p('type')} was given for the expected recipient.`,
    RECIPIENT_MISMATCH: (p) => `The badge was not issued to the expected recipient: none of the given ${p('type')} identifiers matches its recipient.`,
    PROPERTY_MISSING: (p) => `The required property "${p('property')}" is missing.`,
    PROPERTY_HAS_NULL: (p) => `"${p('property')}" contains empty (null) entries.`,
    PROPERTY_TOO_MANY: (p) => `"${p('property')}" may have only one value, but has ${p('count')}.`,
    PROPERTY_WRONG_TYPE: (p) => `"${p('property')}" has the value "${p('value')}", which is not ${p('valueType')}.`,
    TYPE_UNKNOWN: (p) => `"type" has the value "${p('value')}", which is not an Open Badges type or a full IRI.`,
    TYPE_NOT_EXPECTED: (p) => `"type" is "${p('value')}", but this document must be of type ${p('expected')}.`,
    PROPERTY_NOT_LINK_OR_OBJECT: (p) => `"${p('property')}" must be a link (IRI) or an embedded object, not "${p('value')}".`,
    PROPERTY_DATA_URI_REFUSED: (p) => `"${p('property')}" may not be a data: URI here; it must be a link to a hosted resource.`,
    PROPERTY_MUST_EMBED: (p) => `"${p('property')}" must be an embedded object, not the link "${p('value')}".`,
    PROPERTY_NOT_IRI: (p) => `"${p('property')}" has the value "${p('value')}", which is not a valid link (IRI).`,
    NODE_WRONG_CLASS: (p) => `Expected a ${p('expected')} object but found something else.`,
    NODE_TYPE_MISSING: () => 'This document does not say which kind of Open Badges object it is (its "type" is missing or unknown).',
    VERIFICATION_MISSING: () => 'The badge does not say how it can be verified (hosted or signed), so its authenticity cannot be checked.',
    ISSUER_NOT_URL: () => 'The issuer is not identified by a web (http/https) address; many badge platforms cannot display or verify such issuers.',
    ISSUED_IN_FUTURE: (p) => `The badge says it was issued on ${p('issuedOn')}, which is in the future.`,
    EXPIRES_BEFORE_ISSUED: (p) => `The badge expires (${p('expires')}) before it was issued (${p('issuedOn')}).`,
    EXPIRED: (p) => `The badge expired on ${p('expires')}.`,
    IDENTITY_NOT_HASH: (p) => `The recipient identity "${p('identity')}" is marked as hashed but is not a sha256$… or md5$… hash.`,
    IDENTITY_LOOKS_HASHED: () => 'The recipient identity looks like a hash, but "hashed" is not true, so it can never match the recipient.',
    IDENTITY_NOT_EMAIL: (p) => `The recipient type is email, but the identity "${p('identity')}" is not an email address.`,
    IDENTITY_NOT_URL: () => 'The recipient type is url, but the identity is not a web address.',
    IDENTITY_NOT_TELEPHONE: () => 'The recipient type is telephone, but the identity is not an international (E.164) phone number.',
    COPY_DIFFERS_FROM_HOSTED: (p) =>
      `This copy of the badge differs from the one its issuer hosts (${p('fields')}). The hosted copy was checked; trust what it says, not the copy you were given.`,
    INTERNAL_FAILURE: () => 'This badge could not be checked because of a problem on our side. Try again later; if it keeps happening, tell the site operator.',
  },
  steps: {
    DETECT_INPUT_TYPE: 'Work out what was given (web address, badge JSON, signed badge or baked image)',
    FETCH_DOCUMENT: "Download the badge's documents safely",
    JSONLD_COMPACT: 'Read the documents with the Open Badges 2.0 vocabulary',
    VALIDATE_PROPERTIES: 'Check every required property of every document',
    LINKED_NODES: 'Load the badge class, the issuer and endorsements',
    HOSTED_VERIFICATION: 'Check the badge is hosted where its issuer says it should be',
    SIGNED_VERIFICATION: "Check the signature with the issuer's own published key",
    REVOCATION_AND_EXPIRY: 'Check the badge is not revoked and not expired',
    RECIPIENT: 'Check the badge belongs to the expected person',
    LEGACY_UPGRADE: 'Upgrade an Open Badges 1.0/1.1 badge to 2.0 before checking',
  },
  advice: {
    blocked_address: 'Badges must be published on the public internet; ask the issuer for a public link to this badge.',
    redirect_blocked: 'Badges must be published on the public internet; ask the issuer for a public link to this badge.',
    unsupported_scheme: 'Only http and https links can be checked.',
    dns_failure: 'Check the address for typos, or ask the issuer whether the badge has moved.',
    connect_timeout: "The issuer's server did not respond; try again later.",
    timeout: "The issuer's server did not respond in time; try again later.",
    network_error: "The issuer's server could not be reached; try again later.",
    too_large: 'Badge documents are small; this address does not serve a badge.',
    too_many_redirects: 'The address keeps redirecting; ask the issuer for the badge’s current link.',
  },
  valueTypes: {
    TEXT: 'text',
    MARKDOWN_TEXT: 'text',
    BOOLEAN: 'true or false',
    IRI: 'an identifier (an http(s) URL, a urn:uuid or a blank node id)',
    URL: 'a web address starting with http:// or https://',
    DATETIME: 'a date and time with a timezone, such as 2024-05-01T12:00:00Z',
    EMAIL: 'an email address',
    TELEPHONE: 'a phone number in international E.164 form, such as +15417522845',
    URL_AUTHORITY: 'a host name such as example.org (no http:// and no path)',
    COMPACT_IRI: 'a known term such as email, url, telephone or id',
  },
};

/** A signed endorsement's own problem, followed by the fetch failures behind it. */
function withDetails(sentence: string, details: string): string {
  return details ? `${sentence} ${details}` : sentence;
}
