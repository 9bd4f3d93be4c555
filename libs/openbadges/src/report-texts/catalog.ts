import type { StepName } from '../verification/report';
import type { MessageCode, MessageParams, ParamValue } from './message-text';

/** Reads one param of a sentence: text as given, nested sentences rendered in the catalogue's language. */
export interface ParamReader {
  (name: string): string;
  /** True when the param was given and is not empty (optional parts of a sentence). */
  has(name: string): boolean;
}

export type Sentence = (p: ParamReader) => string;

/**
 * One language's words for a verification report: a sentence per message code, a title per
 * check, and the advice for each fetch failure. TypeScript makes every catalogue complete.
 */
export interface ReportCatalog {
  messages: Record<MessageCode, Sentence>;
  steps: Record<StepName, string>;
  advice: Record<string, string>;
  valueTypes: Record<string, string>;
}

export function paramReader(params: MessageParams, renderNested: (value: ParamValue) => string): ParamReader {
  const read = ((name: string) => {
    const value = params[name];
    if (value === undefined) return '';
    return typeof value === 'object' ? renderNested(value) : String(value);
  }) as ParamReader;
  read.has = (name) => read(name) !== '' && read(name) !== '0';
  return read;
}
