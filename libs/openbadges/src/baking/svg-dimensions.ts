/** CSS absolute units in px (CSS fixes 1in = 96px). Relative units (em, ex, %) have no intrinsic size. */
const PX_PER_UNIT: Record<string, number> = { '': 1, px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, pt: 96 / 72, pc: 16 };

/** An SVG length attribute in px, or undefined when absent, relative or unparseable. */
export function parseSvgLength(value: string | undefined): number | undefined {
  const match = value?.trim().match(/^(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*([a-z]*)$/i);
  if (!match) return undefined;
  const factor = PX_PER_UNIT[match[3].toLowerCase()];
  if (factor === undefined) return undefined;
  const px = Number(`${match[1]}e${match[2] ?? 0}`) * factor;
  return Number.isFinite(px) ? px : undefined;
}

/** Width and height of a `viewBox="min-x min-y width height"`, or undefined when it is not a valid one. */
export function parseViewBoxSize(value: string | undefined): { width: number; height: number } | undefined {
  const parts = value?.trim().split(/[\s,]+/).map(Number);
  if (!parts || parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [, , width, height] = parts;
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/**
 * The SVG's intrinsic size as a renderer would first lay it out: width/height attributes, with the viewBox
 * filling in whichever is missing (keeping its aspect ratio when the other is known).
 */
export function svgIntrinsicSize(attributes: Record<string, string>): { width?: number; height?: number } {
  let width = parseSvgLength(attributes['width']);
  let height = parseSvgLength(attributes['height']);
  const viewBox = parseViewBoxSize(attributes['viewBox']);
  if (viewBox) {
    if (width === undefined && height === undefined) ({ width, height } = viewBox);
    else if (width === undefined && height !== undefined) width = (height * viewBox.width) / viewBox.height;
    else if (height === undefined && width !== undefined) height = (width * viewBox.height) / viewBox.width;
  }
  return { width, height };
}
