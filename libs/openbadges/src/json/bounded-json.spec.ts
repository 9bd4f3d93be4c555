import { JsonTooDeepError, jsonTextNestingExceeds, parseJsonWithinLimits } from './bounded-json';

const nested = (levels: number, open = '[', close = ']') => `${open.repeat(levels)}${close.repeat(levels)}`;

describe('parseJsonWithinLimits', () => {
  it('parses JSON within the budget as JSON.parse does', () => {
    expect(parseJsonWithinLimits('{"a":[1,{"b":"c"}]}', { maxDepth: 3 })).toEqual({ a: [1, { b: 'c' }] });
  });

  it('refuses one level more than the budget before parsing', () => {
    expect(parseJsonWithinLimits(nested(4), { maxDepth: 4 })).toEqual([[[[]]]]);
    expect(() => parseJsonWithinLimits(nested(5), { maxDepth: 4 })).toThrow(JsonTooDeepError);
  });

  it('defaults to the badge budget of 32 levels', () => {
    expect(() => parseJsonWithinLimits(nested(32))).not.toThrow();
    expect(() => parseJsonWithinLimits(nested(33))).toThrow(JsonTooDeepError);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ note: `${'['.repeat(100)} "quoted" \\ ${'{'.repeat(100)}` });
    expect(parseJsonWithinLimits(text, { maxDepth: 1 })).toEqual(JSON.parse(text));
  });

  it('keeps JSON.parse syntax errors', () => {
    expect(() => parseJsonWithinLimits('{"a":')).toThrow(SyntaxError);
  });

  // Its speed is measured in bench/, not here: a timed assertion fails on a loaded CI machine.
  // What a test can hold is that the scan never recurses, so no depth overflows the stack.
  it('scans a 100,000-level document without recursion, and long strings whole', () => {
    const hostile = nested(100_000, '{"a":', '}');
    expect(jsonTextNestingExceeds(hostile, 64)).toBe(true);
    expect(jsonTextNestingExceeds(nested(100_000), 100_000)).toBe(false);
    expect(() => parseJsonWithinLimits(hostile)).toThrow(JsonTooDeepError);
    expect(parseJsonWithinLimits(`"${'x'.repeat(2_000_000)}"`)).toHaveLength(2_000_000);
  });
});
