/**
 * The languages a browser asks for (`Accept-Language`), most wanted first, lower-cased;
 * `*` and q=0 entries are dropped. Malformed parts are ignored rather than refused: this only
 * chooses which edition of a page to show.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/i.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(entry.tag) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * Which of a badge's languages (its own first, then its translations) to show a reader who
 * prefers `preferred`, in order: an exact tag match wins, then the same base language
 * (`fr-CA` reads `fr`, `fr` reads `fr-CA`). Undefined when none fits: the badge's own language.
 */
export function chooseEdition(available: readonly string[], preferred: readonly string[]): string | undefined {
  const lower = available.map((tag) => tag.toLowerCase());
  for (const wanted of preferred) {
    const exact = lower.indexOf(wanted);
    if (exact >= 0) return available[exact];
    const base = wanted.split('-')[0];
    const sameBase = lower.findIndex((tag) => tag.split('-')[0] === base);
    if (sameBase >= 0) return available[sameBase];
  }
  return undefined;
}
