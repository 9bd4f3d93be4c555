// Every URL the JSON-LD processor may dereference is listed here, mapped to a copy committed in
// ./contexts, so processing never touches the network. To add a context: copy the file into
// ./contexts, import it, add its URLs, and say where it came from in ./contexts/SOURCES.md.
// OB 2.0: generated from /work/shared/conformance/documentLoaderMap.json. OB 3.0 and the W3C
// Verifiable Credentials, Data Integrity, Multikey and DID contexts: see ./contexts/SOURCES.md.
import ext_accessibilityExtension from './contexts/ext-accessibilityExtension.json';
import ext_accessibilityExtension_schema from './contexts/ext-accessibilityExtension.schema.json';
import ext_applyLinkExtension from './contexts/ext-applyLinkExtension.json';
import ext_applyLinkExtension_schema from './contexts/ext-applyLinkExtension.schema.json';
import ext_assessmentExtension from './contexts/ext-assessmentExtension.json';
import ext_assessmentExtension_schema from './contexts/ext-assessmentExtension.schema.json';
import ext_endorsement from './contexts/ext-endorsement.json';
import ext_endorsement_schema from './contexts/ext-endorsement.schema.json';
import ext_exampleExtension from './contexts/ext-exampleExtension.json';
import ext_exampleExtension_schema from './contexts/ext-exampleExtension.schema.json';
import ext_extraDescription from './contexts/ext-extraDescription.json';
import ext_extraDescription_schema from './contexts/ext-extraDescription.schema.json';
import ext_geoCoordinatesExtension from './contexts/ext-geoCoordinatesExtension.json';
import ext_geoCoordinatesExtension_schema from './contexts/ext-geoCoordinatesExtension.schema.json';
import ext_issuerAccreditationExtension from './contexts/ext-issuerAccreditationExtension.json';
import ext_issuerAccreditationExtension_schema from './contexts/ext-issuerAccreditationExtension.schema.json';
import ext_licenseExtension from './contexts/ext-licenseExtension.json';
import ext_licenseExtension_schema from './contexts/ext-licenseExtension.schema.json';
import ext_originalCreatorExtension from './contexts/ext-originalCreatorExtension.json';
import ext_originalCreatorExtension_schema from './contexts/ext-originalCreatorExtension.schema.json';
import ext_recipientProfile from './contexts/ext-recipientProfile.json';
import ext_recipientProfile_schema from './contexts/ext-recipientProfile.schema.json';
import credentials_v1 from './contexts/credentials-v1.json';
import credentials_v2 from './contexts/credentials-v2.json';
import data_integrity_v1 from './contexts/data-integrity-v1.json';
import data_integrity_v2 from './contexts/data-integrity-v2.json';
import did_v1 from './contexts/did-v1.json';
import ed25519_signature_2020_v1 from './contexts/ed25519-signature-2020-v1.json';
import multikey_v1 from './contexts/multikey-v1.json';
import ob_v3p0 from './contexts/ob-v3p0.json';
import ob_v3p0_3_0_1 from './contexts/ob-v3p0-3.0.1.json';
import ob_v3p0_3_0_2 from './contexts/ob-v3p0-3.0.2.json';
import ob_v3p0_3_0_3 from './contexts/ob-v3p0-3.0.3.json';
import ob_v3p0_extensions from './contexts/ob-v3p0-extensions.json';
import legacy_v1 from './contexts/legacy-v1.json';
import v0 from './contexts/v0.json';
import v1 from './contexts/v1.json';
import v2 from './contexts/v2.json';

export const BUNDLED_DOCUMENTS: Readonly<Record<string, unknown>> = Object.freeze({
  'https://www.w3.org/ns/credentials/v2': credentials_v2,
  'https://www.w3.org/2018/credentials/v1': credentials_v1,
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': ob_v3p0_3_0_3,
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': ob_v3p0_3_0_2,
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': ob_v3p0_3_0_1,
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json': ob_v3p0,
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': ob_v3p0_extensions,
  'https://w3id.org/security/data-integrity/v2': data_integrity_v2,
  'https://w3id.org/security/data-integrity/v1': data_integrity_v1,
  'https://w3id.org/security/multikey/v1': multikey_v1,
  'https://w3id.org/security/suites/ed25519-2020/v1': ed25519_signature_2020_v1,
  'https://www.w3.org/ns/did/v1': did_v1,
  'https://w3id.org/openbadges/v2': v2,
  'https://openbadgespec.org/v2/context.json': v2,
  'https://purl.imsglobal.org/spec/ob/v2p0/context/context.json': v2,
  'https://w3id.org/openbadges/v1': v1,
  'https://openbadgespec.org/v1/context.json': v1,
  'https://w3id.org/openbadges/legacy-v1': legacy_v1,
  'https://openbadgespec.org/v1/legacy-v1.json': legacy_v1,
  'https://w3id.org/openbadges/extensions/accessibilityExtension/context.json': ext_accessibilityExtension,
  'https://w3id.org/openbadges/extensions/applyLinkExtension/context.json': ext_applyLinkExtension,
  'https://w3id.org/openbadges/extensions/assessmentExtension/context.json': ext_assessmentExtension,
  'https://w3id.org/openbadges/extensions/endorsement/context.json': ext_endorsement,
  'https://w3id.org/openbadges/extensions/exampleExtension/context.json': ext_exampleExtension,
  'https://w3id.org/openbadges/extensions/extraDescription/context.json': ext_extraDescription,
  'https://w3id.org/openbadges/extensions/geoCoordinatesExtension/context.json': ext_geoCoordinatesExtension,
  'https://w3id.org/openbadges/extensions/issuerAccreditationExtension/context.json': ext_issuerAccreditationExtension,
  'https://w3id.org/openbadges/extensions/licenseExtension/context.json': ext_licenseExtension,
  'https://w3id.org/openbadges/extensions/originalCreatorExtension/context.json': ext_originalCreatorExtension,
  'https://w3id.org/openbadges/extensions/recipientProfile/context.json': ext_recipientProfile,
  'https://openbadgespec.org/v0/context.json': v0,
  'https://openbadgespec.org/extensions/accessibilityExtension/context.json': ext_accessibilityExtension,
  'https://w3id.org/openbadges/extensions/accessibilityExtension/schema.json': ext_accessibilityExtension_schema,
  'https://openbadgespec.org/extensions/accessibilityExtension/schema.json': ext_accessibilityExtension_schema,
  'https://openbadgespec.org/extensions/applyLinkExtension/context.json': ext_applyLinkExtension,
  'https://w3id.org/openbadges/extensions/applyLinkExtension/schema.json': ext_applyLinkExtension_schema,
  'https://openbadgespec.org/extensions/applyLinkExtension/schema.json': ext_applyLinkExtension_schema,
  'https://openbadgespec.org/extensions/assessmentExtension/context.json': ext_assessmentExtension,
  'https://w3id.org/openbadges/extensions/assessmentExtension/schema.json': ext_assessmentExtension_schema,
  'https://openbadgespec.org/extensions/assessmentExtension/schema.json': ext_assessmentExtension_schema,
  'https://openbadgespec.org/extensions/endorsement/context.json': ext_endorsement,
  'https://w3id.org/openbadges/extensions/endorsement/schema.json': ext_endorsement_schema,
  'https://openbadgespec.org/extensions/endorsement/schema.json': ext_endorsement_schema,
  'https://openbadgespec.org/extensions/exampleExtension/context.json': ext_exampleExtension,
  'https://w3id.org/openbadges/extensions/exampleExtension/schema.json': ext_exampleExtension_schema,
  'https://openbadgespec.org/extensions/exampleExtension/schema.json': ext_exampleExtension_schema,
  'https://openbadgespec.org/extensions/extraDescription/context.json': ext_extraDescription,
  'https://w3id.org/openbadges/extensions/extraDescription/schema.json': ext_extraDescription_schema,
  'https://openbadgespec.org/extensions/extraDescription/schema.json': ext_extraDescription_schema,
  'https://openbadgespec.org/extensions/geoCoordinatesExtension/context.json': ext_geoCoordinatesExtension,
  'https://w3id.org/openbadges/extensions/geoCoordinatesExtension/schema.json': ext_geoCoordinatesExtension_schema,
  'https://openbadgespec.org/extensions/geoCoordinatesExtension/schema.json': ext_geoCoordinatesExtension_schema,
  'https://openbadgespec.org/extensions/issuerAccreditationExtension/context.json': ext_issuerAccreditationExtension,
  'https://w3id.org/openbadges/extensions/issuerAccreditationExtension/schema.json': ext_issuerAccreditationExtension_schema,
  'https://openbadgespec.org/extensions/issuerAccreditationExtension/schema.json': ext_issuerAccreditationExtension_schema,
  'https://openbadgespec.org/extensions/licenseExtension/context.json': ext_licenseExtension,
  'https://w3id.org/openbadges/extensions/licenseExtension/schema.json': ext_licenseExtension_schema,
  'https://openbadgespec.org/extensions/licenseExtension/schema.json': ext_licenseExtension_schema,
  'https://openbadgespec.org/extensions/originalCreatorExtension/context.json': ext_originalCreatorExtension,
  'https://w3id.org/openbadges/extensions/originalCreatorExtension/schema.json': ext_originalCreatorExtension_schema,
  'https://openbadgespec.org/extensions/originalCreatorExtension/schema.json': ext_originalCreatorExtension_schema,
  'https://openbadgespec.org/extensions/recipientProfile/context.json': ext_recipientProfile,
  'https://w3id.org/openbadges/extensions/recipientProfile/schema.json': ext_recipientProfile_schema,
  'https://openbadgespec.org/extensions/recipientProfile/schema.json': ext_recipientProfile_schema,
});
