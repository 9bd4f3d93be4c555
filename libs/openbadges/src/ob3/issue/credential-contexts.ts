// The JSON-LD contexts and the schema an OB 3.0 credential names (decision 0048). All are bundled
// (libs/openbadges/src/context/contexts/SOURCES.md): nothing is fetched to process them.

export const VC_V2_CONTEXT_URL = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/**
 * Defines the type `1EdTechJsonSchemaValidator2019` that `credentialSchema` must name. Neither the VC 2.0
 * nor the OB 3.0.3 context does, so without this third context the type is a relative IRI: JSON-LD safe
 * mode (and so eddsa-rdfc-2022 canonicalisation) refuses the credential. The OB 3.0 examples that carry
 * `credentialSchema` list it third, as we do; the first two entries stay the ones OB 3.0 requires.
 */
export const OB_V3_EXTENSIONS_CONTEXT_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';

export const OB_V3_CREDENTIAL_CONTEXTS = [VC_V2_CONTEXT_URL, OB_V3_CONTEXT_URL, OB_V3_EXTENSIONS_CONTEXT_URL] as const;

/** The official JSON Schema of an AchievementCredential, as `credentialSchema` names it. */
export const OB_V3_ACHIEVEMENT_CREDENTIAL_SCHEMA = {
  id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
  type: '1EdTechJsonSchemaValidator2019',
} as const;
