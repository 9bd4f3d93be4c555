import { paramReader, type ReportCatalog } from './catalog';
import { EN } from './en';
import { FR } from './fr';
import type { MessageText, ParamValue } from './message-text';

/** The languages a report can be told in; the first is the default (and the one stored in `message`). */
export const REPORT_LANGUAGES = ['en', 'fr'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const CATALOGS: Record<ReportLanguage, ReportCatalog> = { en: EN, fr: FR };

export function isReportLanguage(lang: string): lang is ReportLanguage {
  return (REPORT_LANGUAGES as readonly string[]).includes(lang);
}

export function reportCatalog(lang: ReportLanguage): ReportCatalog {
  return CATALOGS[lang];
}

/** One sentence in `lang`; nested sentences in the same language, enumerated params in its words. */
export function renderText(message: MessageText, lang: ReportLanguage = 'en'): string {
  const catalog = CATALOGS[lang];
  const nested = (value: ParamValue) => (typeof value === 'object' ? value.map((inner) => renderText(inner, lang)).join(' ') : String(value));
  const params = { ...message.params };
  if (typeof params.advice === 'string') params.advice = catalog.advice[params.advice] ?? '';
  if (typeof params.valueType === 'string') params.valueType = catalog.valueTypes[params.valueType] ?? `valid (${params.valueType})`;
  return catalog.messages[message.messageCode](paramReader(params, nested));
}
