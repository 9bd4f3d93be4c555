/**
 * How long (seconds) a response may be reused by our shared cache: the smaller of our cap and
 * the origin's `s-maxage`/`max-age`; 0 when the origin forbids shared caching (`no-store`,
 * `no-cache`, `private`). A short cap is what makes a revoked or changed badge show up quickly.
 */
export function cacheTtlSeconds(cacheControl: string | undefined, capSeconds: number): number {
  if (capSeconds <= 0) return 0;
  if (!cacheControl) return capSeconds;
  const directives = new Map<string, string | undefined>();
  for (const part of cacheControl.toLowerCase().split(',')) {
    const [name, value] = part.trim().split('=', 2);
    if (name) directives.set(name, value?.replace(/^"|"$/g, ''));
  }
  if (directives.has('no-store') || directives.has('no-cache') || directives.has('private')) return 0;
  const age = Number(directives.get('s-maxage') ?? directives.get('max-age'));
  return Number.isFinite(age) && age >= 0 ? Math.min(Math.floor(age), capSeconds) : capSeconds;
}
