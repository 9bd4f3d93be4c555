import { PNG_SIGNATURE, encodePngChunk, readIhdrSize, readPngChunks } from './png-chunks';
import { chunk, expectImageError, ihdr, makePng } from './test-images';

describe('readPngChunks', () => {
  it('walks a valid PNG from IHDR to IEND', () => {
    const chunks = readPngChunks(makePng({ width: 7, height: 5 }));
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(readIhdrSize(chunks[0])).toEqual({ width: 7, height: 5 });
  });

  it('ignores bytes after IEND', () => {
    const chunks = readPngChunks(Buffer.concat([makePng(), Buffer.from('trailing junk')]));
    expect(chunks.at(-1)?.type).toBe('IEND');
  });

  it('refuses data without the PNG signature', () => {
    expectImageError(() => readPngChunks(Buffer.from('GIF89a......')), 'not_a_png');
    expectImageError(() => readPngChunks(Buffer.alloc(0)), 'not_a_png');
  });

  it('refuses a PNG cut off mid-chunk or before IEND', () => {
    const png = makePng();
    expectImageError(() => readPngChunks(png.subarray(0, png.length - 20)), 'png_truncated');
    expectImageError(() => readPngChunks(png.subarray(0, png.length - 12)), 'png_truncated'); // no IEND
    expectImageError(() => readPngChunks(PNG_SIGNATURE), 'png_truncated');
  });

  it('refuses a chunk whose declared length runs past the end of the file', () => {
    const png = Buffer.from(makePng());
    png.writeUInt32BE(5000, PNG_SIGNATURE.length + 25); // IDAT's length field
    expectImageError(() => readPngChunks(png), 'png_truncated');
  });

  it('refuses a huge declared chunk before trying to read it', () => {
    const png = Buffer.from(makePng());
    png.writeUInt32BE(0xffffffff, PNG_SIGNATURE.length + 25);
    expect(expectImageError(() => readPngChunks(png), 'png_chunk_too_large')).toBeLessThan(100);
    png.writeUInt32BE(2000, PNG_SIGNATURE.length + 25);
    expectImageError(() => readPngChunks(png, { maxChunkBytes: 1000 }), 'png_chunk_too_large');
  });

  it('refuses a bad CRC', () => {
    const png = Buffer.from(makePng());
    png[PNG_SIGNATURE.length + 8 + 13] ^= 0xff; // first byte of IHDR's CRC
    expectImageError(() => readPngChunks(png), 'png_bad_crc');
    const flippedData = Buffer.from(makePng());
    flippedData[PNG_SIGNATURE.length + 8] ^= 0x01; // a data byte of IHDR
    expectImageError(() => readPngChunks(flippedData), 'png_bad_crc');
  });

  it('caps the number of chunks', () => {
    const many = Array.from({ length: 20 }, () => chunk('tIME', Buffer.alloc(7)));
    expectImageError(() => readPngChunks(makePng({ extra: many }), { maxChunks: 10 }), 'png_too_many_chunks');
    const tooMany = Array.from({ length: 9000 }, () => chunk('zzZz', Buffer.alloc(0)));
    expect(expectImageError(() => readPngChunks(makePng({ extra: tooMany })), 'png_too_many_chunks')).toBeLessThan(500);
  });

  it('requires a 13-byte IHDR first', () => {
    const idatFirst = Buffer.concat([PNG_SIGNATURE, chunk('IDAT', Buffer.alloc(2)), ihdr(1, 1), chunk('IEND', Buffer.alloc(0))]);
    expectImageError(() => readPngChunks(idatFirst), 'png_malformed');
    const shortIhdr = Buffer.concat([PNG_SIGNATURE, chunk('IHDR', Buffer.alloc(12)), chunk('IEND', Buffer.alloc(0))]);
    expectImageError(() => readPngChunks(shortIhdr), 'png_malformed');
  });

  it('refuses chunk types that are not four letters', () => {
    const png = Buffer.concat([PNG_SIGNATURE, ihdr(1, 1), encodePngChunk('a\0<b', Buffer.alloc(1)), chunk('IEND', Buffer.alloc(0))]);
    expectImageError(() => readPngChunks(png), 'png_malformed');
  });

  it('refuses zero dimensions in IHDR', () => {
    const [header] = readPngChunks(Buffer.concat([PNG_SIGNATURE, ihdr(0, 5), chunk('IEND', Buffer.alloc(0))]));
    expectImageError(() => readIhdrSize(header), 'png_malformed');
  });
});
