/**
 * The last few keys imported from PEM, by the id that names them (a verification method, a `kid`).
 * Importing a key costs more than a signature, and a bulk award signs thousands of credentials with one
 * key. A different PEM under the same id (a test, a rotation that reuses an id) is imported afresh, and a
 * failed import is not kept, so the next call tries again and reports its own error.
 */
export class KeyCache<K> {
  private readonly entries = new Map<string, { pem: string; key: Promise<K> }>();

  constructor(private readonly size = 32) {}

  get(id: string, pem: string, load: () => Promise<K>): Promise<K> {
    let entry = this.entries.get(id);
    if (entry?.pem !== pem) {
      const fresh = { pem, key: load() };
      fresh.key.catch(() => {
        if (this.entries.get(id) === fresh) this.entries.delete(id);
      });
      entry = fresh;
    }
    this.entries.delete(id);
    this.entries.set(id, entry); // most recently used last
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return entry.key;
  }
}
