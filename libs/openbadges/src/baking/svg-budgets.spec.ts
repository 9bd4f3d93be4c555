import { DEFAULT_MAX_IMAGE_BYTES } from './limits';
import { sanitiseSvg } from './svg-sanitise';
import { SVG_NS, expectImageError } from './test-images';

const MIB = DEFAULT_MAX_IMAGE_BYTES;
const open = `<svg xmlns="${SVG_NS}">`;

/** Repeats `unit` to fill (about) `bytes`, inside a root svg. */
function fill(unit: string, bytes = MIB - 200, close = ''): string {
  return `${open}${unit.repeat(Math.floor((bytes - open.length - close.length - 6) / unit.length))}${close}</svg>`;
}

function deep(levels: number): string {
  return `${open}${'<g>'.repeat(levels)}${'</g>'.repeat(levels)}</svg>`;
}

function timed(what: string, run: () => unknown): void {
  const started = performance.now();
  try {
    run();
  } finally {
    // Printed, not asserted: the machine sets the number; the limits make it linear.
    console.log(`${what}: ${(performance.now() - started).toFixed(1)} ms`);
  }
}

/** The worst 1 MiB SVGs we could think of for a linear, capped parser (finding 2: 100,000 nested <g> took 124 s). */
describe('SVG work budgets', () => {
  it('refuses deep nesting at the first element over the cap (finding 2)', () => {
    const svg = deep(100_000);
    expect(svg.length).toBeLessThan(MIB);
    timed('100,000 nested <g>', () => expectImageError(() => sanitiseSvg(svg), 'svg_too_complex'));
    expect(() => sanitiseSvg(deep(64))).toThrow(/nested more than 64 levels/);
    expect(sanitiseSvg(deep(63)).scan.root.name).toBe('svg');
  });

  it('refuses too many elements, however flat', () => {
    const svg = fill('<g/>');
    timed('262,000 sibling <g/>', () => expectImageError(() => sanitiseSvg(svg), 'svg_too_complex'));
    expect(() => sanitiseSvg(svg)).toThrow(/more than 20000 elements/);
  });

  it('refuses too many attributes on one element', () => {
    const attributes = Array.from({ length: 80_000 }, (_, i) => ` a${i}="1"`).join('');
    const svg = `${open}<rect${attributes}/></svg>`;
    expect(svg.length).toBeLessThan(MIB);
    timed('80,000 attributes on one <rect>', () => expectImageError(() => sanitiseSvg(svg), 'svg_too_complex'));
  });

  it('refuses namespace declarations piled up the stack at the caps', () => {
    const declarations = Array.from({ length: 127 }, (_, i) => ` xmlns:p${i}="urn:${i}"`).join('');
    const level = `<g${declarations}>`;
    const levels = Math.min(62, Math.floor((MIB - 1000) / (level.length + 4)));
    const svg = `${open}${level.repeat(levels)}${'<rect p0:x="1" p1:y="2"/>'.repeat(200)}${'</g>'.repeat(levels)}</svg>`;
    expect(svg.length).toBeLessThan(MIB);
    timed(`${levels} levels of 127 namespace declarations`, () => expect(sanitiseSvg(svg).text).not.toContain('urn:'));
  });

  it('accepts a 1 MiB attribute value or text in linear time', () => {
    const long = `${open}<path d="M0 0${' l1 1'.repeat((MIB - 100) / 5)}"/></svg>`;
    timed('one 1 MiB path', () => expect(sanitiseSvg(long).scan.removals).toEqual([]));
    const text = `${open}<text>${'x'.repeat(MIB - 100)}</text></svg>`;
    timed('one 1 MiB text', () => expect(sanitiseSvg(text).scan.removals).toEqual([]));
    const css = `${open}<style>${'rect{fill:url(#a)}'.repeat((MIB - 100) / 20)}</style></svg>`;
    timed('1 MiB of CSS with url(#a)', () => expect(sanitiseSvg(css).scan.removals).toEqual([]));
  });

  it('cuts 20,000 dropped attributes in linear time', () => {
    const svg = fill('<rect x:a="1" b="2"/>', MIB - 200).replace('<svg ', '<svg xmlns:x="urn:x" ');
    timed('20,000 elements, each with dropped attributes', () => expectImageError(() => sanitiseSvg(svg), 'svg_too_complex'));
    const within = `${open.replace('<svg ', '<svg xmlns:x="urn:x" ')}${'<rect x:a="1" b="2" x:c="3"/>'.repeat(19_000)}</svg>`;
    timed('19,000 elements, each with 3 dropped attributes', () => expect(sanitiseSvg(within).text).toBe(`${open}${'<rect/>'.repeat(19_000)}</svg>`));
  });
});
