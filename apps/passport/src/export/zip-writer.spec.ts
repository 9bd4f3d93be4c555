import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readZip } from './testing/read-zip';
import { writeZip } from './zip-writer';

describe('writeZip', () => {
  const entries = [
    { name: 'summary.csv', data: Buffer.from('a,b\n1,2\n') },
    { name: 'badges/é-unicode.json', data: Buffer.from(JSON.stringify({ hello: 'world'.repeat(100) })) },
    { name: 'empty.txt', data: Buffer.alloc(0) },
  ];

  it('writes a zip that the system unzip tool accepts and extracts byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    try {
      // ASCII names here: how unzip spells UTF-8 names on disk depends on the machine's locale.
      const ascii = entries.map((entry, index) => ({ ...entry, name: index === 1 ? 'badges/unicode.json' : entry.name }));
      writeFileSync(join(dir, 'out.zip'), writeZip(ascii));
      execFileSync('unzip', ['-qq', '-t', 'out.zip'], { cwd: dir });
      execFileSync('unzip', ['-qq', 'out.zip', '-d', 'x'], { cwd: dir });
      for (const entry of ascii) expect(readFileSync(join(dir, 'x', entry.name))).toEqual(entry.data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round-trips through the test reader (names, contents, CRCs)', () => {
    const read = readZip(writeZip(entries));
    expect([...read.keys()]).toEqual(entries.map((e) => e.name));
    for (const entry of entries) expect(read.get(entry.name)).toEqual(entry.data);
  });

  it('refuses unsafe names', () => {
    expect(() => writeZip([{ name: '../etc/passwd', data: Buffer.from('x') }])).toThrow(/unsafe/);
    expect(() => writeZip([{ name: '/abs', data: Buffer.from('x') }])).toThrow(/unsafe/);
  });
});
