// Every baked/unbaked fixture in the shared conformance material must unbake to what its source expects.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

import { bakeBadgeImage, unbakeBadgeImage } from './badge-image';
import { inspectBadgeImage } from './image-inspect';
import { unbakePng } from './png-baking';
import { unbakeSvg } from './svg-baking';
import { CONFORMANCE_DIR } from './test-images';

const read = (...parts: string[]) => readFileSync(path.join(CONFORMANCE_DIR, ...parts));
const readJson = (...parts: string[]) => JSON.parse(read(...parts).toString('utf8'));

interface Manifest {
  input: { type: string; file: string };
  http: Record<string, { file: string }>;
  expected: { valid: boolean; failingTasks: string[] };
}

describe('generated scenarios with an image as input', () => {
  const root = path.join(CONFORMANCE_DIR, 'generated-scenarios');
  const imageScenarios = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== '_shared')
    .map((entry) => ({ name: entry.name, manifest: readJson('generated-scenarios', entry.name, 'manifest.json') as Manifest }))
    .filter(({ manifest }) => manifest.input.type === 'file' && /\.(png|svg)$/.test(manifest.input.file));

  it('covers the baked scenarios the platform relies on', () => {
    expect(imageScenarios.map((s) => s.name).sort()).toEqual(
      expect.arrayContaining([
        'baked-png-itxt-json',
        'baked-png-itxt-url',
        'baked-png-jws',
        'baked-png-legacy-text-url',
        'baked-svg-hosted',
        'baked-svg-jws',
        'unbaked-png',
      ]),
    );
  });

  it.each(imageScenarios.map((s) => [s.name, s.manifest] as const))('%s', (_name, manifest) => {
    const result = unbakeBadgeImage(read('generated-scenarios', manifest.input.file));
    if (manifest.expected.failingTasks.includes('DETECT_INPUT_TYPE')) {
      // "Could not find Open Badges metadata in file."
      expect(result).toBeNull();
      return;
    }
    expect(result).not.toBeNull();
    const payload = (result as { payload: string }).payload;
    const hosted = (url: string) => manifest.http[url] !== undefined;
    if (/^https?:\/\//.test(payload)) {
      // A hosted assertion URL the scenario serves.
      expect(hosted(payload)).toBe(true);
    } else if (payload.startsWith('{')) {
      // The assertion JSON, identical to what its id serves.
      const assertion = JSON.parse(payload);
      expect(hosted(assertion.id)).toBe(true);
      expect(assertion).toEqual(readJson('generated-scenarios', manifest.http[assertion.id].file));
    } else {
      // A compact JWS whose payload is an assertion about a badge the scenario serves.
      const parts = payload.split('.');
      expect(parts).toHaveLength(3);
      const assertion = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
      expect(assertion.verification.type).toBe('SignedBadge');
      expect(hosted(assertion.badge)).toBe(true);
    }
  });

  it('prefers the SVG CDATA over the verify URL, as the pinned reference bakery (1.1.0) does', () => {
    const payload = unbakeSvg(read('generated-scenarios', 'baked-svg-hosted', 'baked.svg').toString('utf8'));
    expect(JSON.parse(payload as string).id).toBe('https://example.org/beths-robotics-badge.json');
  });

  it('re-bakes a baked fixture without leaving the old assertion behind', () => {
    for (const file of ['baked-png-itxt-json/baked.png', 'baked-png-legacy-text-url/baked.png', 'baked-svg-hosted/baked.svg']) {
      const rebaked = bakeBadgeImage(read('generated-scenarios', file), { verifyUrl: 'https://example.org/new' });
      expect(unbakeBadgeImage(rebaked)?.payload).toBe('https://example.org/new');
    }
  });
});

describe('Mozilla openbadges-bakery fixtures', () => {
  const svg = (name: string) => read('openbadges-bakery-mozilla', 'test', name);

  it('baked.svg yields the CDATA assertion, whose verify.url is the one the reference test expects', () => {
    const result = unbakeBadgeImage(svg('baked.svg'));
    expect(result).toEqual({ kind: 'svg', payload: '{"verify":{"url":"http://example.org"}}' });
    expect(JSON.parse((result as { payload: string }).payload).verify.url).toBe('http://example.org');
  });

  it('bad-json.svg yields its raw text, which is not JSON (the reference test expects an error there)', () => {
    const payload = unbakeBadgeImage(svg('bad-json.svg'))?.payload as string;
    expect(payload).toBe('{verify:{"url":"http://example.org"}}');
    expect(() => JSON.parse(payload)).toThrow(SyntaxError);
  });

  it('no-json.svg (empty CDATA) falls back to the verify attribute', () => {
    expect(unbakeBadgeImage(svg('no-json.svg'))?.payload).toBe('http://example.org');
  });

  it('unbaked.svg and unbaked.png carry nothing', () => {
    expect(unbakeBadgeImage(svg('unbaked.svg'))).toBeNull();
    expect(unbakeBadgeImage(read('openbadges-bakery-mozilla', 'test', 'unbaked.png'))).toBeNull();
    expect(inspectBadgeImage(read('openbadges-bakery-mozilla', 'test', 'unbaked.png'))).toEqual({
      kind: 'png',
      mimeType: 'image/png',
      width: 384,
      height: 384,
    });
  });

  it('the reference bake round-trip works on unbaked.svg (URL only, then full assertion, then re-bake)', () => {
    const unbaked = svg('unbaked.svg');
    expect(unbakeBadgeImage(bakeBadgeImage(unbaked, { verifyUrl: 'http://example.org' }))?.payload).toBe('http://example.org');
    const once = bakeBadgeImage(unbaked, { verifyUrl: 'http://bad-url.org' });
    const twice = bakeBadgeImage(once, { verifyUrl: 'http://example.org', assertionJson: '{"verify":{"url":"http://example.org"}}' });
    expect(JSON.parse(unbakeBadgeImage(twice)?.payload as string).verify.url).toBe('http://example.org');
  });
});

describe('Python openbadges-bakery fixtures', () => {
  const file = (name: string) => read('openbadges-bakery-python', 'openbadges_bakery', 'testfiles', name);

  it('baked_heart.png yields the baked assertion JSON', () => {
    const assertion = JSON.parse(unbakePng(file('baked_heart.png')) as string);
    expect(assertion).toMatchObject({ uid: '123', verify: { type: 'hosted', url: 'http://example.org/badgeinstance1' } });
  });

  it('baked_example.svg yields the CDATA assertion JSON', () => {
    const assertion = JSON.parse(unbakeBadgeImage(file('baked_example.svg'))?.payload as string);
    expect(assertion).toMatchObject({ uid: 'abcdef12345', verify: { url: 'https://example.org/assertion.json' } });
  });

  it('the unbaked files carry nothing, and bake round-trips on them', () => {
    for (const name of ['public_domain_heart.png', 'unbaked_example.svg']) {
      expect(unbakeBadgeImage(file(name))).toBeNull();
      const payload = { verifyUrl: 'https://example.org/assertion.json' };
      expect(unbakeBadgeImage(bakeBadgeImage(file(name), payload))?.payload).toBe(payload.verifyUrl);
    }
  });
});
