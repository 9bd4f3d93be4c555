import { useId } from 'react';

import { emailLanguage, saveLanguage } from '../api/passport-api';
import { holdsSession } from '../api/session';
import { useI18n } from '../i18n/i18n-context';
import { LANGUAGES } from '../i18n/languages';

/** Switches the page's language; a signed-in learner's emails follow it (their passport keeps it). */
export function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  const id = useId();
  function choose(next: string) {
    setLang(next);
    const language = emailLanguage(next);
    // Best effort: the page changes language either way, and a session that has ended saves nothing.
    if (language && holdsSession('learner')) saveLanguage('learner', language).catch(() => undefined);
  }
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('common.language')}</label>
      <select id={id} value={lang} onChange={(event) => choose(event.target.value)}>
        {Object.entries(LANGUAGES).map(([code, language]) => (
          <option key={code} value={code} lang={code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}
