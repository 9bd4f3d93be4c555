import { looksHashed } from '../recipient/hash-identity';
import { error, TaskCode, type ValidationMessage } from './messages';
import { preview, type JsonNode } from './present-values';
import { isUrl, isValueOfType } from './value-types';

const HASH_STYLE = /^(md5|sha256)\$[0-9a-f]+$/i;

/**
 * IDENTITY_OBJECT_PROPERTY_DEPENDENCIES: `hashed` must agree with what `identity` looks like, and
 * a plaintext identity must look like its declared type. Catching `hashed: false` with a hash
 * matters: such a badge can never be matched to its recipient.
 */
export function identityObjectDependencies(node: JsonNode, label: string): ValidationMessage[] {
  const { identity, hashed, type } = node;
  if (typeof identity !== 'string') return [];
  const fail = (message: string) => [error(TaskCode.IDENTITY_OBJECT_PROPERTY_DEPENDENCIES, message, label, 'identity')];

  if (hashed === true) {
    return HASH_STYLE.test(identity)
      ? []
      : fail(`The recipient identity "${preview(identity)}" is marked as hashed but is not a sha256$… or md5$… hash.`);
  }
  if (looksHashed(identity) || HASH_STYLE.test(identity)) {
    return fail(`The recipient identity looks like a hash, but "hashed" is not true, so it can never match the recipient.`);
  }
  if (type === 'email' && !isValueOfType('EMAIL', identity)) {
    return fail(`The recipient type is email, but the identity "${preview(identity)}" is not an email address.`);
  }
  if (type === 'url' && !isUrl(identity)) return fail(`The recipient type is url, but the identity is not a web address.`);
  if (type === 'telephone' && !isValueOfType('TELEPHONE', identity)) {
    return fail(`The recipient type is telephone, but the identity is not an international (E.164) phone number.`);
  }
  return [];
}
