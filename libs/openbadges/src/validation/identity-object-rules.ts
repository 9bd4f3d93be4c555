import { looksHashed } from '../recipient/hash-identity';
import { error, TaskCode, type ValidationMessage } from './messages';
import { preview, type JsonNode } from './present-values';
import { isUrl, isValueOfType } from './value-types';
import { text, type MessageText } from '../report-texts/message-text';

const HASH_STYLE = /^(md5|sha256)\$[0-9a-f]+$/i;

/**
 * IDENTITY_OBJECT_PROPERTY_DEPENDENCIES: `hashed` must agree with what `identity` looks like, and
 * a plaintext identity must look like its declared type. Catching `hashed: false` with a hash
 * matters: such a badge can never be matched to its recipient.
 */
export function identityObjectDependencies(node: JsonNode, label: string): ValidationMessage[] {
  const { identity, hashed, type } = node;
  if (typeof identity !== 'string') return [];
  const fail = (message: MessageText) => [error(TaskCode.IDENTITY_OBJECT_PROPERTY_DEPENDENCIES, message, label, 'identity')];

  if (hashed === true) {
    return HASH_STYLE.test(identity)
      ? []
      : fail(text('IDENTITY_NOT_HASH', { identity: preview(identity) }));
  }
  if (looksHashed(identity) || HASH_STYLE.test(identity)) {
    return fail(text('IDENTITY_LOOKS_HASHED', {}));
  }
  if (type === 'email' && !isValueOfType('EMAIL', identity)) {
    return fail(text('IDENTITY_NOT_EMAIL', { identity: preview(identity) }));
  }
  if (type === 'url' && !isUrl(identity)) return fail(text('IDENTITY_NOT_URL', {}));
  if (type === 'telephone' && !isValueOfType('TELEPHONE', identity)) {
    return fail(text('IDENTITY_NOT_TELEPHONE', {}));
  }
  return [];
}
