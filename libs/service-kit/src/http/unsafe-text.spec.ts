import { findTextProblem, isUnsafeText, jsonTextMayHoldUnsafeText } from './unsafe-text';

describe('isUnsafeText', () => {
  it.each([
    ['a NUL', 'a\u0000b', true],
    ['a lone high surrogate', 'x\ud800', true],
    ['a lone low surrogate', '\udc00x', true],
    ['a reversed pair', '\udc00\ud800', true],
    ['a surrogate pair', 'medal \u{1F3C5}', false],
    ['plain text with controls other than NUL', 'tab\tnewline\n\u0001', false],
  ])('%s: %s', (_what, text, unsafe) => {
    expect(isUnsafeText(text)).toBe(unsafe);
  });
});

describe('findTextProblem', () => {
  it('names the first offending field by its dotted path', () => {
    const body = { name: 'ok', assertions: [{ narrative: 'fine' }, { narrative: 'bad\u0000' }], revocation_reason: '\ud800' };
    expect(findTextProblem(body, 64)).toEqual({ field: 'assertions.1.narrative', problem: 'unsafe_text' });
  });

  it('checks keys as well as values', () => {
    expect(findTextProblem({ extensions: { 'a\u0000': 1 } }, 64)).toEqual({ field: 'extensions.a\ufffd', problem: 'unsafe_text' });
  });

  it('names a bare string by the root name it is given', () => {
    expect(findTextProblem('\u0000', 64, 'body')).toEqual({ field: 'body', problem: 'unsafe_text' });
  });

  it('passes clean input, numbers, nulls, bytes and class instances', () => {
    class Holder {
      text = '\u0000';
    }
    expect(findTextProblem({ a: [1, null, true, 'x'], b: Buffer.from([0]), c: new Holder() }, 64)).toBeUndefined();
  });

  it('walks null-prototype objects, as the query and form parsers make them', () => {
    const query = Object.assign(Object.create(Object.create(null)) as Record<string, unknown>, { q: '\u0000' });
    expect(findTextProblem(query, 64)).toEqual({ field: 'q', problem: 'unsafe_text' });
    expect(findTextProblem(Object.assign(Object.create(null) as Record<string, unknown>, { q: '\ud800' }), 64)).toEqual({ field: 'q', problem: 'unsafe_text' });
  });

  it('reports nesting deeper than its budget instead of walking it, without recursion', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findTextProblem(deep, 64)).toMatchObject({ problem: 'too_deep' });
  });
});

describe('jsonTextMayHoldUnsafeText', () => {
  it('flags every JSON text whose parsed values could hold a NUL or a surrogate half', () => {
    for (const text of ['{"a":"\\u0000"}', '{"a":"\\ud800"}', '{"a":"\\uDBFF"}', '{"a":"\\udc00x"}', '{"\\u0000":1}', '{"a":"\u0000"}']) {
      expect({ text, flagged: jsonTextMayHoldUnsafeText(text) }).toEqual({ text, flagged: true });
      const parsed = (() => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return undefined;
        }
      })();
      if (parsed !== undefined) expect(findTextProblem(parsed, 64)).toBeDefined();
    }
  });

  it('clears text whose values cannot hold one, raw emoji and other escapes included', () => {
    for (const text of ['{"name":"Éloïse 🎓"}', '{"a":"\\u00e9\\n"}', '{"a":[1,2,{"b":null}]}']) {
      expect({ text, flagged: jsonTextMayHoldUnsafeText(text) }).toEqual({ text, flagged: false });
      expect(findTextProblem(JSON.parse(text), 64)).toBeUndefined();
    }
  });
});
