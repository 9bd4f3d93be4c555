import type { EndorserLanguage, StaffLanguage } from '@badges/api-contracts/types';

import { LANGUAGES } from '../i18n/languages';

/** A language the platform writes its emails in (the contract's STAFF_LANGUAGES and ENDORSER_LANGUAGES). */
export type EmailLanguage = StaffLanguage & EndorserLanguage;

/** `satisfies Record` flags a language either contract has and this list lacks. */
const EMAIL_LANGUAGES = Object.keys({ en: 1, fr: 2 } satisfies Record<StaffLanguage | EndorserLanguage, number>) as EmailLanguage[];

/** The page's language when emails are written in it, else English: the likeliest guess for someone new. */
export function likelyEmailLanguage(lang: string): EmailLanguage {
  return EMAIL_LANGUAGES.find((each) => each === lang) ?? 'en';
}

/** A labelled choice of email language, each named in itself ("Français"), as the language switcher does. */
export function EmailLanguageSelect({ id, label, value, onChange }: { id: string; label: string; value: EmailLanguage; onChange(language: EmailLanguage): void }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as EmailLanguage)}>
        {EMAIL_LANGUAGES.map((each) => (
          <option key={each} value={each} lang={each}>
            {LANGUAGES[each]?.name ?? each}
          </option>
        ))}
      </select>
    </>
  );
}
