import { useId } from 'react';

import { useI18n } from '../i18n/i18n-context';
import { LANGUAGES } from '../i18n/languages';

export function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('common.language')}</label>
      <select id={id} value={lang} onChange={(event) => setLang(event.target.value)}>
        {Object.entries(LANGUAGES).map(([code, language]) => (
          <option key={code} value={code} lang={code}>
            {language.name}
          </option>
        ))}
      </select>
    </div>
  );
}
