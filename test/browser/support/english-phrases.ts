import english from '../../../apps/web/src/i18n/en';
import french from '../../../apps/web/src/i18n/fr';

/** A fragment shorter than this, or of fewer words, could be a name or a shared term (e.g. "PNG"). */
const MIN_FRAGMENT_LENGTH = 14;
const MIN_FRAGMENT_WORDS = 3;

function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (node && typeof node === 'object') return Object.values(node).flatMap(strings);
  return [];
}

/**
 * The sentences of the web app's English catalogue that a French page must never show: each
 * message cut at its `{placeholders}`, keeping the fragments long enough to be prose, and leaving
 * out any the French catalogue also says word for word (a brand, a code).
 */
export function englishPhrases(): string[] {
  return proseFragments(strings(english.messages), strings(french.messages), /\{[^}]*\}/);
}

/** The fragments of `englishTexts` cut at `cut`, long enough to be prose, that no French text also says. */
export function proseFragments(englishTexts: readonly string[], frenchTexts: readonly string[], cut: RegExp): string[] {
  const frenchText = frenchTexts.join('\n');
  const fragments = englishTexts.flatMap((message) => message.split(cut).map((fragment) => fragment.trim()));
  return [...new Set(fragments)].filter((fragment) => fragment.length >= MIN_FRAGMENT_LENGTH && fragment.split(/\s+/).length >= MIN_FRAGMENT_WORDS && !frenchText.includes(fragment));
}

/** The English phrases `text` contains. */
export function englishIn(text: string, phrases: readonly string[]): string[] {
  return phrases.filter((phrase) => text.includes(phrase));
}
