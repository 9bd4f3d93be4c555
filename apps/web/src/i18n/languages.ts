import type { Language } from './catalog';

// Adding a language is adding a folder (e.g. ./es/index.ts): Vite finds it here at build time.
const modules = import.meta.glob<{ default: Language }>('./*/index.ts', { eager: true });

export const LANGUAGES: Readonly<Record<string, Language>> = Object.fromEntries(
  Object.entries(modules).map(([path, module]) => [path.split('/')[1], module.default]),
);

export const DEFAULT_LANGUAGE = 'en';

/** `?lang=fr` (or `fr-CA`) in a link, when we have that language: it wins, and is remembered. */
export function requestedLanguage(search: string): string | undefined {
  const base = new URLSearchParams(search).get('lang')?.trim().toLowerCase().split('-')[0];
  return base && LANGUAGES[base] ? base : undefined;
}

/** The language a link asked for, else the one chosen before, else the first of the browser's we have (`fr-CA` counts as `fr`). */
export function pickLanguage(preferred: readonly string[], stored: string | null, requested?: string): string {
  if (requested && LANGUAGES[requested]) return requested;
  if (stored && LANGUAGES[stored]) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (LANGUAGES[base]) return base;
  }
  return DEFAULT_LANGUAGE;
}
