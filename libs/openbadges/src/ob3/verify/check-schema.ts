import Ajv2019 from 'ajv/dist/2019';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import { text } from '../../report-texts/message-text';
import { asArray, isJsonNode, type JsonNode } from '../../validation/present-values';
import { Ob3Code } from './codes';
import { caution, failure, type Finding } from './types';
import officialSchema from './schema/ob_v3p0_achievementcredential_schema.json';

/** The addresses the official AchievementCredential schema is published at (bundled, never fetched). */
const OFFICIAL_SCHEMA_IDS = new Set([
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json-ld/ob_v3p0_achievementcredential_schema.json',
]);
/** A report names the first few mismatches: one is enough to act on, a hundred drown it. */
const MAX_SCHEMA_FINDINGS = 3;

let validate: ValidateFunction | undefined;

/** Compiled once per process: the schema is 64 KB of draft 2019-09. */
function officialValidator(): ValidateFunction {
  if (!validate) {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(officialSchema);
  }
  return validate;
}

/**
 * JsonSchemaProbe: an AchievementCredential checked against the official OB 3.0 JSON Schema. The
 * schema describes VC 2.0 credentials, so a VC 1.1 one gets its mismatches as warnings (as the
 * reference validator does). Any other schema it names is not downloaded: a warning says so.
 */
export function checkSchema(credential: JsonNode, vcVersion: '2.0' | '1.1'): Finding[] {
  const check = officialValidator();
  const findings: Finding[] = [];
  if (!check(credential)) {
    const { listed, singles } = asLists(credential, check);
    if (singles.length > 0) {
      const paths = singles.slice(0, 5).join(', ') + (singles.length > 5 ? ', …' : '');
      findings.push(caution(Ob3Code.SCHEMA, text('VC_SCHEMA_SINGLE_VALUE', { path: paths })));
    }
    if (!check(listed)) {
      const report = vcVersion === '1.1' ? caution : failure;
      for (const error of (check.errors ?? []).slice(0, MAX_SCHEMA_FINDINGS)) {
        const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : error.keyword === 'enum' ? ` (${JSON.stringify(error.params.allowedValues)})` : '';
        findings.push(report(Ob3Code.SCHEMA, text('VC_SCHEMA_MISMATCH', { path: error.instancePath || '/', problem: `${error.message ?? error.keyword}${extra}` })));
      }
    }
  }
  for (const schema of asArray(credential.credentialSchema)) {
    const id = isJsonNode(schema) && typeof schema.id === 'string' ? schema.id : undefined;
    if (id && !OFFICIAL_SCHEMA_IDS.has(id)) findings.push(caution(Ob3Code.INLINE_SCHEMA, text('VC_SCHEMA_NOT_FETCHED', { schema: id }), 'credentialSchema'));
  }
  return findings;
}

/**
 * The schema describes plain JSON, where a list of one is `[x]`; JSON-LD reads `x` and `[x]` alike,
 * and credentials signed by common libraries carry a single `proof` object. So a credential whose
 * only fault is a single value where the schema wants a list is read as the list (a warning names
 * where), as the reference validator's JSON-LD schema run does. Each pass wraps what the schema
 * asked to be a list; a few passes reach nested ones.
 */
function asLists(credential: JsonNode, check: ValidateFunction): { listed: JsonNode; singles: string[] } {
  const listed = structuredClone(credential);
  const singles: string[] = [];
  for (let pass = 0; pass < 8; pass++) {
    if (check(listed)) break;
    const wanted = (check.errors ?? []).filter((error) => error.keyword === 'type' && error.params.type === 'array' && !singles.includes(error.instancePath));
    let wrapped = false;
    for (const { instancePath } of wanted) {
      const at = locate(listed, instancePath);
      if (!at || Array.isArray(at.parent[at.key as never])) continue;
      (at.parent as Record<string, unknown>)[at.key] = [at.parent[at.key as never]];
      singles.push(instancePath);
      wrapped = true;
    }
    if (!wrapped) break;
  }
  return { listed, singles };
}

/** The container and key a JSON Pointer (RFC 6901, as ajv's instancePath) names, if any. */
function locate(root: JsonNode, pointer: string): { parent: Record<string, unknown> | unknown[]; key: string } | undefined {
  const keys = pointer.split('/').slice(1).map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop();
  if (last === undefined) return undefined;
  let node: unknown = root;
  for (const key of keys) {
    node = isJsonNode(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return isJsonNode(node) || Array.isArray(node) ? { parent: node, key: last } : undefined;
}
