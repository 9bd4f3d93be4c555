import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Downloads `url` (e.g. a baked badge image) into a fresh temp file, as a visitor would save it. */
export async function downloadToFile(url: string, name: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const file = join(mkdtempSync(join(tmpdir(), 'badge-file-')), name);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return file;
}
