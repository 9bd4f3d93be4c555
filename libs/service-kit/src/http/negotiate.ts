export type Representation = 'json-ld' | 'html';

interface MediaRange {
  type: string;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => {
      const [type, ...params] = part.trim().split(';');
      let q = 1;
      for (const param of params) {
        const [key, value] = param.trim().split('=');
        if (key?.trim().toLowerCase() === 'q') {
          const parsed = Number(value);
          q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
        }
      }
      return { type: type.trim().toLowerCase(), q };
    })
    .filter((range) => range.type.length > 0);
}

/** The q a client gives `type`: its most specific matching range (exact, then `type/*`, then `*\/*`). */
function qualityOf(ranges: MediaRange[], type: string): number {
  const [major] = type.split('/');
  const exact = ranges.find((r) => r.type === type);
  if (exact) return exact.q;
  const wildcard = ranges.find((r) => r.type === `${major}/*`);
  if (wildcard) return wildcard.q;
  return ranges.find((r) => r.type === '*/*')?.q ?? 0;
}

/**
 * JSON-LD unless the client clearly prefers HTML. Verifiers send `application/ld+json`,
 * `application/json`, `*\/*` or nothing, and must get data; browsers list `text/html` first
 * (with `*\/*;q=0.8`). A tie goes to JSON-LD: machines are the primary audience of these URLs.
 */
export function negotiate(accept: string | undefined): Representation {
  if (!accept || accept.trim() === '') return 'json-ld';
  const ranges = parseAccept(accept);
  const json = Math.max(qualityOf(ranges, 'application/ld+json'), qualityOf(ranges, 'application/json'));
  const html = Math.max(qualityOf(ranges, 'text/html'), qualityOf(ranges, 'application/xhtml+xml'));
  return html > json ? 'html' : 'json-ld';
}

const JSON_LD_TYPE = 'application/ld+json; charset=utf-8';
const PLAIN_JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The Content-Type of a public document's JSON-LD answer (the body is the same either way).
 * OB 2.0 says a client that asks for `application/json` and not `application/ld+json` should be
 * answered `application/json`, so that is what a client ranking plain JSON higher gets (not
 * accepting JSON-LD at all ranks it 0). A tie, `*\/*` or no Accept: `application/ld+json`, as our
 * verifier and the reference validator ask for it. Routes that call this send `Vary: Accept`.
 */
export function jsonLdContentType(accept: string | undefined): string {
  if (!accept || accept.trim() === '') return JSON_LD_TYPE;
  const ranges = parseAccept(accept);
  return qualityOf(ranges, 'application/json') > qualityOf(ranges, 'application/ld+json') ? PLAIN_JSON_TYPE : JSON_LD_TYPE;
}

/**
 * Whether a client asks for a signed document's compact JWS (`application/jose`) rather than
 * its JSON. Only an explicit `application/jose` counts (`*\/*` must keep getting JSON-LD), and
 * only if the client does not rank JSON or HTML higher.
 */
export function prefersJose(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = parseAccept(accept);
  const jose = ranges.find((r) => r.type === 'application/jose')?.q ?? 0;
  if (jose <= 0) return false;
  const others = ['application/ld+json', 'application/json', 'text/html', 'application/xhtml+xml'].map((type) => ranges.find((r) => r.type === type)?.q ?? 0);
  return jose >= Math.max(...others);
}
