/** A rule about requests: a method (`*`: any) and a path pattern (`*` is one segment, `**` last: anything below). */
export interface PathRule {
  method: string;
  path: string;
}

/**
 * The first of `rules` that names this method and path (without its query), or undefined. Each
 * segment is percent-decoded as Fastify's router decodes it before matching
 * (`/v2/%61ssertions/x` reaches the assertion route; `%2F` stays inside its segment).
 */
export function findPathRule<Rule extends PathRule>(rules: readonly Rule[], method: string, path: string): Rule | undefined {
  const segments = path.split('/').map(decodeSegment);
  return rules.find((candidate) => (candidate.method === '*' || candidate.method === method) && matches(candidate.path.split('/'), segments));
}

export const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matches(pattern: string[], segments: string[]): boolean {
  for (let index = 0; index < pattern.length; index++) {
    if (pattern[index] === '**') return true;
    const segment = segments[index];
    if (segment === undefined || (pattern[index] === '*' ? segment === '' : pattern[index] !== segment)) return false;
  }
  return pattern.length === segments.length;
}
