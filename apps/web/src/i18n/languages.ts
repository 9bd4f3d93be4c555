import type { Language } from './catalog';

// Adding a language is adding a folder (e.g. ./es/index.ts): Vite finds it here at build time.
const modules = import.meta.glob<{ default: Language }>('./*/index.ts', { eager: true });

export const LANGUAGES: Readonly<Record<string, Language>> = Object.fromEntries(
  Object.entries(modules).map(([path, module]) => [path.split('/')[1], module.default]),
);

export const DEFAULT_LANGUAGE = 'en';

/** The first of the browser's preferred languages we have (`fr-CA` counts as `fr`). */
export function pickLanguage(preferred: readonly string[], stored: string | null): string {
  if (stored && LANGUAGES[stored]) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (LANGUAGES[base]) return base;
  }
  return DEFAULT_LANGUAGE;
}
