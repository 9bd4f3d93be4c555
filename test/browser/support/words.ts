import english from '../../../apps/web/src/i18n/en';
import french from '../../../apps/web/src/i18n/fr';

const CATALOGUES = { en: english.messages, fr: french.messages } as const;

/**
 * The web app's own words for `key` (`console.award.submit`) in `lang`, with `{placeholders}`
 * filled: a spec that runs in both languages finds controls by what the reader sees.
 */
export function words(lang: keyof typeof CATALOGUES, key: string, values: Record<string, string | number> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], CATALOGUES[lang]);
  if (typeof found !== 'string') throw new Error(`no message ${key} in ${lang}`);
  return found.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
