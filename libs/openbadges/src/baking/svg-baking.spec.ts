import { bakeSvg, unbakeSvg } from './svg-baking';
import { OPENBADGES_NAMESPACE, scanSvg } from './svg-scan';
import { SVG_NS, expectImageError, svgDoc } from './test-images';

const URL = 'https://example.org/assertions/123';
const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJpZCI6InVybjp1dWlkOjEifQ.c2lnbmF0dXJl';
const ASSERTION = { '@context': 'https://w3id.org/openbadges/v2', id: URL, type: 'Assertion', verification: { type: 'hosted' } };

function assertionElements(svg: string) {
  return scanSvg(svg).assertions.map((a) => svg.slice(a.start, a.end));
}

describe('bakeSvg', () => {
  it('bakes a signed badge as verify="<JWS>" with no body, declaring the namespace on the root', () => {
    const baked = bakeSvg(svgDoc(), { verify: JWS });
    expect(baked).toContain(`<svg xmlns:openbadges="${OPENBADGES_NAMESPACE}" xmlns="${SVG_NS}"`);
    expect(assertionElements(baked)).toEqual([`<openbadges:assertion verify="${JWS}"/>`]);
    expect(unbakeSvg(baked)).toBe(JWS);
  });

  it('bakes a hosted badge as verify="<URL>" plus the assertion JSON in CDATA, as the first child', () => {
    const baked = bakeSvg(svgDoc(), { verify: URL, assertion: ASSERTION });
    const firstChild = baked.indexOf('>', baked.indexOf('<svg')) + 1;
    expect(baked.slice(firstChild)).toMatch(
      new RegExp(`^<openbadges:assertion verify="${URL}"><!\\[CDATA\\[\\{.*\\}\\]\\]></openbadges:assertion>`),
    );
    // Like the reference bakeries, unbaking prefers the embedded JSON over the URL.
    expect(JSON.parse(unbakeSvg(baked) as string)).toEqual(ASSERTION);
    expect(scanSvg(baked).assertions[0].verify).toBe(URL);
  });

  it('takes the verify URL from the assertion id when none is given, and accepts pre-serialised JSON', () => {
    const baked = bakeSvg(svgDoc(), { assertion: JSON.stringify(ASSERTION, null, 2) });
    expect(scanSvg(baked).assertions[0].verify).toBe(URL);
    expect(JSON.parse(unbakeSvg(baked) as string)).toEqual(ASSERTION);
  });

  it('replaces an existing assertion instead of adding a second one', () => {
    const once = bakeSvg(svgDoc(), { verify: 'https://old.example/a', assertion: { id: 'https://old.example/a' } });
    const twice = bakeSvg(once, { verify: JWS });
    expect(assertionElements(twice)).toEqual([`<openbadges:assertion verify="${JWS}"/>`]);
    expect(twice.match(/xmlns:openbadges=/g)).toHaveLength(1);
    expect(unbakeSvg(twice)).toBe(JWS);
  });

  it('leaves the rest of the document exactly as it was', () => {
    const original = svgDoc('<!-- keep me -->\n  <rect fill="#E44D26" width="10"/>');
    const baked = bakeSvg(original, { verify: JWS });
    const element = `<openbadges:assertion verify="${JWS}"/>`;
    expect(baked.replace(element, '').replace(` xmlns:openbadges="${OPENBADGES_NAMESPACE}"`, '')).toBe(original);
    const rebaked = bakeSvg(baked, { verify: URL });
    expect(rebaked.replace(`<openbadges:assertion verify="${URL}"/>`, element)).toBe(baked);
  });

  it('does not let "]]>" in the JSON break out of the CDATA section', () => {
    const hostile = { id: URL, name: ']]><script>alert(1)</script><![CDATA[', nested: [[1]] };
    const baked = bakeSvg(svgDoc(), { verify: URL, assertion: hostile });
    expect(() => scanSvg(baked)).not.toThrow(); // a <script> would have been refused
    expect(baked.match(/]]>/g)).toHaveLength(1); // one CDATA section, which is all the reference readers read
    expect(JSON.parse(unbakeSvg(baked) as string)).toEqual(hostile);
    const notJson = 'not json ]]> still text ]]]]>';
    expect(unbakeSvg(bakeSvg(svgDoc(), { verify: URL, assertion: notJson }))).toBe(notJson);
  });

  it('escapes the verify attribute', () => {
    const verify = 'https://example.org/a?x=1&y="2"<3>\t';
    const baked = bakeSvg(svgDoc(), { verify: `${verify}z` });
    expect(scanSvg(baked).assertions[0].verify).toBe(`${verify}z`);
  });

  it('reopens a self-closing root', () => {
    const baked = bakeSvg(`<svg xmlns="${SVG_NS}" width="4"/>`, { verify: JWS });
    expect(baked).toBe(
      `<svg xmlns:openbadges="${OPENBADGES_NAMESPACE}" xmlns="${SVG_NS}" width="4"><openbadges:assertion verify="${JWS}"/></svg>`,
    );
  });

  it('keeps a root that already declares the namespace, and never rebinds a prefix used for something else', () => {
    const declared = `<svg xmlns="${SVG_NS}" xmlns:openbadges="${OPENBADGES_NAMESPACE}"><g/></svg>`;
    expect(bakeSvg(declared, { verify: JWS }).match(/xmlns:openbadges=/g)).toHaveLength(1);
    // A binding the allow-list keeps (xlink), so the sanitiser leaves it for baking to work around.
    const other = `<svg xmlns="${SVG_NS}" xmlns:openbadges="http://www.w3.org/1999/xlink"><g openbadges:title="t"/></svg>`;
    const baked = bakeSvg(other, { verify: JWS });
    expect(baked).toContain('xmlns:openbadges="http://www.w3.org/1999/xlink"><openbadges:assertion xmlns:openbadges="http://openbadges.org"');
    expect(unbakeSvg(baked)).toBe(JWS);
    // A foreign binding goes, with the elements in it, and the prefix is then bound on the root as usual.
    const foreign = bakeSvg(`<svg xmlns="${SVG_NS}" xmlns:openbadges="urn:other"><openbadges:thing/></svg>`, { verify: JWS });
    expect(foreign).toBe(`<svg xmlns:openbadges="${OPENBADGES_NAMESPACE}" xmlns="${SVG_NS}"><openbadges:assertion verify="${JWS}"/></svg>`);
  });

  it('refuses payloads it cannot carry', () => {
    expectImageError(() => bakeSvg(svgDoc(), {}), 'invalid_payload');
    expectImageError(() => bakeSvg(svgDoc(), { verify: '  ' }), 'invalid_payload');
    expectImageError(() => bakeSvg(svgDoc(), { verify: 'a\u0001b' }), 'invalid_payload');
    expectImageError(() => bakeSvg(svgDoc(), { verify: URL, assertion: 'x\uffffy' }), 'invalid_payload');
  });

  it('refuses to bake a hostile SVG', () => {
    expectImageError(() => bakeSvg(svgDoc('<script>alert(1)</script>'), { verify: JWS }), 'svg_forbidden_content');
  });
});

describe('unbakeSvg', () => {
  it('returns null when nothing is baked', () => {
    expect(unbakeSvg(svgDoc())).toBeNull();
    expect(unbakeSvg(svgDoc(`<openbadges:assertion xmlns:openbadges="${OPENBADGES_NAMESPACE}">  </openbadges:assertion>`))).toBeNull();
  });

  it('reads plain (entity-escaped) text as well as CDATA, trimmed', () => {
    const svg = svgDoc(`<openbadges:assertion xmlns:openbadges="${OPENBADGES_NAMESPACE}" verify="${URL}">\n  {&quot;id&quot;: 1}\n</openbadges:assertion>`);
    expect(unbakeSvg(svg)).toBe('{"id": 1}');
  });

  it('falls back to the verify attribute when the body is empty, and takes the first assertion', () => {
    const ns = `xmlns:openbadges="${OPENBADGES_NAMESPACE}"`;
    const svg = svgDoc(`<openbadges:assertion ${ns} verify=" ${URL} "><![CDATA[]]></openbadges:assertion><openbadges:assertion ${ns} verify="second"/>`);
    expect(unbakeSvg(svg)).toBe(URL);
  });

  it('refuses hostile documents rather than reading them', () => {
    const xxe = `<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="${SVG_NS}" xmlns:openbadges="${OPENBADGES_NAMESPACE}"><openbadges:assertion verify="&xxe;"/></svg>`;
    expectImageError(() => unbakeSvg(xxe), 'svg_forbidden_content');
    expectImageError(() => unbakeSvg(svgDoc('<script>alert(1)</script>')), 'svg_forbidden_content');
  });
});
