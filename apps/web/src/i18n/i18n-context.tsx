import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

import { translate, type MessageKey, type MessageParams } from './catalog';
import { setRequestLanguage } from '../api/client';
import { formatNumber } from '../shell/format';
import { LANGUAGES, pickLanguage, requestedLanguage } from './languages';

const STORAGE_KEY = 'web.language';

interface I18n {
  lang: string;
  setLang(lang: string): void;
  t(key: MessageKey, params?: MessageParams): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

function remember(lang: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered, still applied
  }
}

/** Whether this browser has a language chosen (by the switcher or a link's `?lang=`), rather than the browser's default. */
export function hasChosenLanguage(): boolean {
  return storedLanguage() !== null;
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be disabled; the browser's preference still applies
  }
}

/**
 * Holds the chosen language, remembers it, and keeps `<html lang>` in step for screen readers. A
 * link's `?lang=` chooses it as the switcher would (a French share link opens in French and stays so).
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState(() => {
    const requested = requestedLanguage(window.location.search);
    if (requested) remember(requested);
    const chosen = pickLanguage(navigator.languages ?? [navigator.language], storedLanguage(), requested);
    // Set before any child mounts: children's effects (their first requests) run before ours.
    setRequestLanguage(chosen);
    return chosen;
  });
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: string) => {
    if (!LANGUAGES[next]) return;
    remember(next);
    setRequestLanguage(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, params) => translate(LANGUAGES[lang].messages, key, params && numbersIn(params, lang)) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** Numbers a sentence names are written the reader's way (1 500 badges, 1,500 badges), so every page gets it by construction. */
function numbersIn(params: MessageParams, lang: string): MessageParams {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'number' ? formatNumber(value, lang) : value]));
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
