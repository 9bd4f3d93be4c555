import { deflateSync } from 'node:zlib';

import { bakePng, unbakePng } from './png-baking';
import { PNG_SIGNATURE, readPngChunks } from './png-chunks';
import { chunk, chunkTypes, expectImageError, itxtData, makePng, textData } from './test-images';

const URL = 'https://example.org/assertions/123';
const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJpZCI6InVybjp1dWlkOjEifQ.c2lnbmF0dXJl';

describe('bakePng', () => {
  it('round-trips URLs, JWS and JSON with non-ASCII text', () => {
    const json = JSON.stringify({ id: URL, badge: { name: 'Œuvre — 北京 🏅' } });
    for (const payload of [URL, JWS, json]) expect(unbakePng(bakePng(makePng(), payload))).toBe(payload);
  });

  it('writes an uncompressed iTXt without language tag right after IHDR, with valid CRCs', () => {
    const baked = bakePng(makePng({ extra: [chunk('pHYs', Buffer.alloc(9))] }), URL);
    expect(chunkTypes(baked)).toEqual(['IHDR', 'iTXt', 'pHYs', 'IDAT', 'IEND']);
    const [, itxt] = readPngChunks(baked); // verifies every CRC on the way
    expect(itxt.data.equals(Buffer.from(`openbadges\0\0\0\0\0${URL}`, 'utf8'))).toBe(true);
  });

  it('keeps every other chunk byte-for-byte', () => {
    const original = makePng({ extra: [chunk('tEXt', textData('Adobe', 'Software'))] });
    const baked = bakePng(original, URL);
    const withoutBadge = readPngChunks(baked).filter((c) => c.type !== 'iTXt');
    expect(Buffer.concat([PNG_SIGNATURE, ...withoutBadge.map((c) => baked.subarray(c.start, c.end))]).equals(original)).toBe(true);
  });

  it('replaces an earlier bake instead of adding a second assertion', () => {
    const twice = bakePng(bakePng(makePng(), 'https://old.example/a'), URL);
    expect(chunkTypes(twice).filter((t) => t === 'iTXt')).toHaveLength(1);
    expect(unbakePng(twice)).toBe(URL);
  });

  it('drops legacy tEXt, compressed iTXt and zTXt openbadges chunks when re-baking', () => {
    const legacy = makePng({
      extra: [
        chunk('tEXt', textData('https://old.example/legacy')),
        chunk('iTXt', itxtData('https://old.example/z', { compressed: true })),
        chunk('zTXt', Buffer.concat([Buffer.from('openbadges\0\0', 'latin1'), deflateSync('x')])),
        chunk('tEXt', textData('kept', 'Comment')),
      ],
    });
    const baked = bakePng(legacy, URL);
    expect(chunkTypes(baked)).toEqual(['IHDR', 'iTXt', 'tEXt', 'IDAT', 'IEND']);
    expect(unbakePng(baked)).toBe(URL);
  });

  it('refuses an empty payload or one with NUL', () => {
    expectImageError(() => bakePng(makePng(), ''), 'invalid_payload');
    expectImageError(() => bakePng(makePng(), 'a\0b'), 'invalid_payload');
  });

  it('refuses to bake a broken PNG', () => {
    const broken = Buffer.from(makePng());
    broken[broken.length - 1] ^= 0xff; // IEND CRC
    expectImageError(() => bakePng(broken, URL), 'png_bad_crc');
    expectImageError(() => bakePng(Buffer.from('<svg/>'), URL), 'not_a_png');
  });
});

describe('unbakePng', () => {
  it('returns null when there is no openbadges chunk', () => {
    expect(unbakePng(makePng())).toBeNull();
    expect(unbakePng(makePng({ extra: [chunk('tEXt', textData('openbadges-ish', 'Comment'))] }))).toBeNull();
  });

  it('reads a compressed iTXt and one with a language tag', () => {
    expect(unbakePng(makePng({ extra: [chunk('iTXt', itxtData(JWS, { compressed: true }))] }))).toBe(JWS);
    expect(unbakePng(makePng({ extra: [chunk('iTXt', itxtData(URL, { language: 'en' }))] }))).toBe(URL);
  });

  it('reads a legacy tEXt chunk as Latin-1', () => {
    expect(unbakePng(makePng({ extra: [chunk('tEXt', textData('https://example.org/café'))] }))).toBe(
      'https://example.org/café',
    );
  });

  it('prefers iTXt over legacy tEXt, wherever the chunks sit', () => {
    const png = makePng({ extra: [chunk('tEXt', textData('https://legacy.example')), chunk('iTXt', itxtData(URL))] });
    expect(unbakePng(png)).toBe(URL);
  });

  it('stops a 50 MB zlib bomb in a compressed iTXt quickly', () => {
    const bomb = makePng({ extra: [chunk('iTXt', itxtData(Buffer.alloc(50 * 1024 * 1024, 0x61), { compressed: true }))] });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(expectImageError(() => unbakePng(bomb), 'decompression_limit')).toBeLessThan(500);
    expectImageError(() => unbakePng(makePng({ extra: [chunk('iTXt', itxtData('x'.repeat(2000), { compressed: true }))] }), { maxTextBytes: 1000 }), 'decompression_limit');
  });

  it('inflates at most one openbadges iTXt, however many bombs a 1 MiB PNG carries', () => {
    const bomb = chunk('iTXt', itxtData(Buffer.alloc(10 * 1024 * 1024, 0x61), { compressed: true }));
    const png = makePng({ extra: Array.from({ length: Math.floor(1000 * 1024 / bomb.length) }, () => bomb) });
    expect(png.length).toBeLessThan(1024 * 1024);
    expect(expectImageError(() => unbakePng(png), 'decompression_limit')).toBeLessThan(500);
  });

  it('refuses malformed openbadges iTXt chunks', () => {
    const variants = [
      Buffer.from('openbadges\0\x02\0\0\0x', 'latin1'), // compression flag 2
      Buffer.from('openbadges\0\x01\x07\0\0x', 'latin1'), // unknown compression method
      Buffer.from('openbadges\0\0', 'latin1'), // no method byte
      Buffer.from('openbadges\0\0\0en', 'latin1'), // unterminated language tag
      Buffer.from('openbadges\0\x01\0\0\0not zlib', 'latin1'), // corrupt deflate stream
      Buffer.concat([Buffer.from('openbadges\0\0\0\0\0', 'latin1'), Buffer.from([0xc3, 0x28])]), // invalid UTF-8
    ];
    for (const data of variants) expectImageError(() => unbakePng(makePng({ extra: [chunk('iTXt', data)] })), 'png_malformed');
  });

  it('refuses hostile PNG structure quickly', () => {
    const png = makePng({ extra: [chunk('iTXt', itxtData(URL))] });
    expectImageError(() => unbakePng(png.subarray(0, 60)), 'png_truncated');
    const badCrc = Buffer.from(png);
    badCrc[45] ^= 0x20; // inside the iTXt text
    expectImageError(() => unbakePng(badCrc), 'png_bad_crc');
    const huge = Buffer.from(png);
    huge.writeUInt32BE(0x7ffffff0, 33); // the iTXt length field
    expect(expectImageError(() => unbakePng(huge), 'png_chunk_too_large')).toBeLessThan(100);
  });
});
