import { REPORT_LANGUAGES, type ReportLanguage } from '@badges/openbadges';
import { acceptedLanguages, chooseEdition } from '@badges/service-kit';

/**
 * The language a report is told in: the caller's first `Accept-Language` we have a catalogue
 * for (`fr-CA` reads `fr`), English when none (or no header). Never a 4xx: it only picks words.
 */
export function reportLanguage(acceptLanguage: string | undefined): ReportLanguage {
  return (chooseEdition(REPORT_LANGUAGES, acceptedLanguages(acceptLanguage)) as ReportLanguage | undefined) ?? 'en';
}
