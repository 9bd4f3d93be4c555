/**
 * Ids of one kind known to exist at the source: those read in this run, and those looked up once
 * (an incremental run reads only what changed, so a parent may be unchanged yet present).
 */
export class SourceIndex {
  private readonly present = new Set<string>();
  private readonly lookedUp = new Map<string, boolean>();

  add(id: string): void {
    this.present.add(id);
  }

  async exists(id: string, lookUp: () => Promise<boolean>): Promise<boolean> {
    if (this.present.has(id)) return true;
    const known = this.lookedUp.get(id);
    if (known !== undefined) return known;
    const found = await lookUp();
    this.lookedUp.set(id, found);
    return found;
  }
}
