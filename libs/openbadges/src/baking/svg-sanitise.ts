import { SourceRange, SvgScan, SvgScanOptions, scanSvg } from './svg-scan';

/** An SVG that passed the allow-list, and its scan (offsets into exactly this text). */
export interface SanitisedSvg {
  text: string;
  scan: SvgScan;
}

/**
 * The one way an SVG enters the platform: refuses active content (ImageError, see scanSvg) and cuts out inert
 * content off the allow-list (editor namespaces, metadata, unknown elements and attributes). Everything kept stays
 * byte-for-byte, a baked `openbadges:assertion` included, and sanitising a sanitised SVG returns it unchanged.
 */
export function sanitiseSvg(svg: string, options?: SvgScanOptions): SanitisedSvg {
  const scan = scanSvg(svg, options);
  if (scan.removals.length === 0) return { text: svg, scan };
  const text = cut(svg, scan.removals);
  const rescan = scanSvg(text, options);
  // Cutting never exposes anything new, so a second pass must find nothing left to remove.
  if (rescan.removals.length !== 0) throw new Error('sanitiseSvg: cutting left content off the allow-list');
  return { text, scan: rescan };
}

/** Removes non-overlapping ranges given in document order, in one linear pass. */
function cut(source: string, ranges: readonly SourceRange[]): string {
  const pieces: string[] = [];
  let from = 0;
  for (const range of ranges) {
    pieces.push(source.slice(from, range.start));
    from = range.end;
  }
  pieces.push(source.slice(from));
  return pieces.join('');
}
