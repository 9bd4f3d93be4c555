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
    SIGNED_JSON_NEEDS_JWS: () =>
      'This is a signed badge given as JSON without its signature, so nothing shows its issuer signed it. ' +
      'Send the signed badge itself (the compact JWS, a text of three parts separated by dots) or the baked badge image instead.',
    VC_INPUT_NOT_CREDENTIAL: () => 'The JSON is not an Open Badges 3.0 credential: it is not a JSON object with an @context and a type.',
    VC_INPUT_TOO_LARGE: (p) => `The credential holds more than ${p('maxValues')} values, far more than any badge; it was not processed.`,
    VC_JWT_UNDECODABLE: (p) => `The signed credential (VC-JWT) could not be decoded: ${period(p('reason'))}`,
    VC_JWT_NO_CREDENTIAL: () => 'The signed credential (VC-JWT) holds no credential: its payload has neither a "vc" claim nor a credential.',
    VC_CONTEXT_MISSING: () => 'The credential has no @context, so it is not a Verifiable Credential.',
    VC_CONTEXT_FIRST: (p) =>
      `The credential's first @context is ${p('context')}; it must be the Verifiable Credentials context https://www.w3.org/ns/credentials/v2 (or https://www.w3.org/2018/credentials/v1 for older credentials).`,
    VC_CONTEXT_V1: () =>
      'The credential uses the older Verifiable Credentials 1.1 data model (context https://www.w3.org/2018/credentials/v1); Open Badges 3.0 credentials now use 2.0. It was checked all the same.',
    VC_CONTEXT_NO_OB: () => 'The credential does not name the Open Badges 3.0 @context (https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json), so its badge terms have no agreed meaning.',
    VC_CONTEXT_OLD_OB: (p) => `The credential uses an earlier version of the Open Badges 3.0 context (${p('context')}); the current one is context-3.0.3.json. It was checked all the same.`,
    VC_TYPE_MISSING: (p) => `The credential's "type" must include VerifiableCredential and ${p('expected')}.`,
    VC_UNKNOWN_CONTEXT: (p) =>
      `The credential could not be read: it uses the JSON-LD context ${p('context')}, which is not one known to this server (unknown contexts are never downloaded, since they could change what every term means).`,
    VC_JSONLD_DROPPED: (p) =>
      `The credential has the property "${p('property')}", which none of its JSON-LD contexts defines, so it has no agreed meaning. A Verifiable Credential may not carry undefined terms: the issuer must add the context that defines it or remove it.`,
    VC_JSONLD_UNDEFINED_TYPE: (p) => `The type "${p('type')}" is not defined by the credential's JSON-LD contexts, so it has no agreed meaning.`,
    VC_JSONLD_INVALID: (p) => `The credential is not valid JSON-LD: ${period(p('reason'))}`,
    VC_SCHEMA_MISMATCH: (p) => `The credential does not follow the official Open Badges 3.0 JSON Schema at ${p('path')}: ${period(p('problem'))}`,
    VC_SCHEMA_NOT_FETCHED: (p) =>
      `The credential names the JSON Schema ${p('schema')}, which this server does not download; it was checked against the official Open Badges 3.0 schema only.`,
    VC_SCHEMA_SINGLE_VALUE: (p) =>
      `The credential gives one value where the official JSON Schema wants a list (${p('path')}). JSON-LD reads both alike, so it was checked as a list, but tools that read plain JSON may not accept it.`,
    VC_PROOF_MISSING: () => 'The credential has no proof (signature), so nothing shows who issued it.',
    VC_PROOF_TOO_MANY: (p) => `The credential carries ${p('count')} proofs; at most ${p('limit')} are checked, so it was not checked at all.`,
    VC_PROOF_UNSUPPORTED: (p) =>
      `The credential's proof is of type ${p('type')}, which this server cannot check (it checks DataIntegrityProof with eddsa-rdfc-2022, Ed25519Signature2020 and VC-JWT).`,
    VC_PROOF_LEGACY: (p) => `The credential is signed with ${p('type')}, an older kind of proof; the signature was checked, but issuers should now sign with DataIntegrityProof (eddsa-rdfc-2022).`,
    VC_PROOF_INVALID: (p) => `The credential's signature is not valid: it was altered after signing or not signed with the key it names (${p('reason')}).`,
    VC_PROOF_NOT_CHECKED: (p) => `The credential's signature could not be checked: ${period(p('reason'))}`,
    VC_PROOF_NOT_CHECKED_JSONLD: () =>
      'The signature could not be checked: the credential is not valid JSON-LD (see above), so what was signed cannot be read unambiguously.',
    VC_KEY_NOT_URI: (p) => `The proof names its key as "${p('method')}", which is not an address (it has no scheme), so the key cannot be found.`,
    VC_KEY_SCHEME_REFUSED: (p) => `The proof's key ${p('method')} is a "${p('scheme')}:" address; only did:key, did:web and https addresses are looked up.`,
    VC_KEY_DID_METHOD_REFUSED: (p) => `The proof's key ${p('method')} uses the DID method did:${p('didMethod')}; only did:key and did:web are resolved.`,
    VC_KEY_BARE_DID: (p) => `The proof names the DID ${p('method')} instead of one of its keys (a DID URL ending with #…), so the key is ambiguous.`,
    VC_KEY_NOT_FOUND: (p) => `The key ${p('method')} is not in the document ${p('document')}, so the signature cannot be checked.`,
    VC_KEY_NOT_ASSERTION: (p) => `The key ${p('method')} is not one its controller ${p('controller')} lists as allowed to sign credentials (assertionMethod).`,
    VC_KEY_UNUSABLE: (p) => `The key ${p('method')} is not a public key this server can use (an Ed25519 key as a Multikey or JWK, or an RSA or P-256 JWK for a VC-JWT).`,
    VC_DID_DOCUMENT_MISMATCH: (p) => `The document fetched from ${p('url')} does not say it is ${p('did')}: its id differs, so the keys it lists cannot be trusted.`,
    VC_JWT_ALGORITHM_REFUSED: (p) => `The credential is signed with "${p('alg')}", which is not accepted (only RS256, ES256 and EdDSA are).`,
    VC_JWT_NO_KEY: () => 'The VC-JWT names no key to check it with (its header has neither "kid" nor "jwk").',
    VC_JWT_CLAIM_MISSING: (p) => `The VC-JWT has no "${p('claim')}" claim, which Open Badges 3.0 requires.`,
    VC_JWT_CLAIM_MISMATCH: (p) => `The VC-JWT's "${p('claim')}" claim is ${p('value')}, but the credential it holds says ${p('expected')}.`,
    VC_ISSUER_MISSING: () => 'The credential names no issuer id, so nothing can show who issued it.',
    VC_KEY_NOT_ISSUERS: (p) =>
      `The credential was signed with the key ${p('method')}, which belongs to ${p('controller')}, not to its issuer ${p('issuer')}. It may not really come from this issuer.`,
    VC_KEY_EMBEDDED: () =>
      'The VC-JWT carries its own public key (jwk) instead of naming a key its issuer publishes, so anyone could have signed it: nothing shows it comes from its issuer.',
    VC_KEY_OUTSIDE_ISSUER: (p) => `The signing key ${p('key')} is not published at the issuer's own address (${p('issuer')}), so nothing shows it is the issuer's key.`,
    VC_REVOKED_IN_LIST: (p) =>
      `This badge was revoked ${p.has('issuer') ? `by ${p('issuer')}` : 'by its issuer'}. It is no longer valid; the earner can ask the issuer about it. (Marked revoked in ${p('list')}.)`,
    VC_SUSPENDED_IN_LIST: (p) => `This badge is suspended by its issuer: it is not valid for now. (Marked suspended in ${p('list')}.)`,
    VC_STATUS_UNSUPPORTED: (p) => `The credential's status is of type ${p('type')}, which this server cannot check, so it is unknown whether the badge was revoked.`,
    VC_STATUS_ENTRY_INVALID: (p) => `The credential's status entry has no usable "${p('property')}", so it is unknown whether the badge was revoked.`,
    VC_STATUS_TOO_MANY: (p) => `The credential has ${p('count')} status entries; at most ${p('limit')} are checked, so its status was not checked.`,
    VC_STATUS_UNAVAILABLE: (p) =>
      `The issuer's status list ${p('list')} could not be checked, so it is unknown whether this badge was revoked.${p.has('details') ? ` ${p('details')}` : ''}`,
    VC_STATUS_LIST_NOT_LIST: () => 'It is not a status list credential (BitstringStatusListCredential with an encodedList).',
    VC_STATUS_LIST_WRONG_ISSUER: (p) => `It was issued by ${p('issuer')}, not by the badge's issuer ${p('expected')}.`,
    VC_STATUS_LIST_TOO_LARGE: (p) => `Its list is larger than ${p('limit')} bytes once decompressed, far more than any real list.`,
    VC_STATUS_LIST_UNDECODABLE: () => 'Its encodedList is not a GZIP-compressed, base64url-encoded list.',
    VC_STATUS_INDEX_OUT_OF_RANGE: (p) => `The badge's position ${p('index')} is outside the list, which has ${p('length')} entries.`,
    VC_STATUS_PURPOSE_MISMATCH: (p) => `The badge's entry is for "${p('purpose')}" but the list is for "${p('listPurpose')}".`,
    VC_STATUS_LIST_EXPIRED: (p) => `The list stopped being valid on ${p('validUntil')}; the issuer has not published a current one.`,
    VC_NOT_YET_VALID: (p) => `The badge is valid only from ${p('validFrom')}, which is in the future.`,
    VC_DATE_INVALID: (p) => `"${p('property')}" is "${p('value')}", which is not a date and time with a timezone, such as 2024-05-01T12:00:00Z.`,
    VC_ENDORSEMENT_PROBLEM: (p) => `The endorsement ${p('endorsement')} could not be verified, so it does not count: ${p('details')}`,
    VC_ENDORSEMENT_REVOKED: (p) => `The endorsement ${p('endorsement')} was revoked by its endorser; it no longer vouches for this badge.`,
    VC_ENDORSEMENT_TOO_MANY: (p) => `The badge carries ${p('count')} endorsements; only the first ${p('limit')} were checked.`,
    VC_ENDORSEMENT_OTHER_SUBJECT: (p) =>
      `The endorsement ${p('endorsement')} vouches for ${p('subject')}, not for ${p('target')} which carries it, so it does not count for this badge.`,
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
    CREDENTIAL_CONTEXT: 'Check it is an Open Badges 3.0 credential (its contexts and types)',
    CREDENTIAL_JSONLD: 'Read the credential with the known Verifiable Credentials and Open Badges 3.0 vocabularies (no undefined terms)',
    CREDENTIAL_SCHEMA: 'Check the credential against the official Open Badges 3.0 JSON Schema',
    CREDENTIAL_PROOF: "Check the credential's signature (Data Integrity proof or VC-JWT) with the key it names",
    CREDENTIAL_ISSUER: 'Check the signing key belongs to the issuer',
    CREDENTIAL_STATUS: "Check the issuer's status list: the badge is not revoked",
    CREDENTIAL_VALIDITY: 'Check the badge is valid now (valid from, valid until)',
    CREDENTIAL_ENDORSEMENTS: 'Check the endorsements the badge carries',
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
