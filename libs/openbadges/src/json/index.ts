export { JsonTooDeepError, jsonTextNestingExceeds, parseJsonWithinLimits, type JsonLimits } from './bounded-json';
