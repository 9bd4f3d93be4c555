import { parseSvgLength, parseViewBoxSize, svgIntrinsicSize } from './svg-dimensions';

describe('svg dimensions', () => {
  it('parses lengths in px and absolute units, ignoring relative ones', () => {
    expect(parseSvgLength('300')).toBe(300);
    expect(parseSvgLength(' 12.5px ')).toBe(12.5);
    expect(parseSvgLength('1in')).toBe(96);
    expect(parseSvgLength('2.54cm')).toBeCloseTo(96);
    expect(parseSvgLength('1e3')).toBe(1000);
    for (const relative of ['100%', '2em', 'auto', '', '-5', undefined]) expect(parseSvgLength(relative)).toBeUndefined();
  });

  it('parses viewBox sizes', () => {
    expect(parseViewBoxSize('0 0 512 256')).toEqual({ width: 512, height: 256 });
    expect(parseViewBoxSize('0,0,10,20')).toEqual({ width: 10, height: 20 });
    expect(parseViewBoxSize('0 0 -1 5')).toBeUndefined();
    expect(parseViewBoxSize('0 0 10')).toBeUndefined();
  });

  it('fills a missing width or height from the viewBox aspect ratio', () => {
    expect(svgIntrinsicSize({ viewBox: '0 0 512 256' })).toEqual({ width: 512, height: 256 });
    expect(svgIntrinsicSize({ width: '100', viewBox: '0 0 512 256' })).toEqual({ width: 100, height: 50 });
    expect(svgIntrinsicSize({ width: '64', height: '32', viewBox: '0 0 9000 9000' })).toEqual({ width: 64, height: 32 });
    expect(svgIntrinsicSize({ width: '100%' })).toEqual({ width: undefined, height: undefined });
  });
});
