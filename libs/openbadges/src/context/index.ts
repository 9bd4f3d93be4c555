export { ForeignContextError, findForeignContextError } from './foreign-context-error';
export {
  createBundledDocumentLoader,
  isBundledDocumentUrl,
  OB_V2_CONTEXT_URL,
  OB_V1_CONTEXT_URL,
  type BundledDocumentLoader,
} from './bundled-document-loader';
export { compactToObV2, type JsonObject } from './compact-to-ob-v2';
