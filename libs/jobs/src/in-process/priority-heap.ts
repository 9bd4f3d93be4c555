export interface HeapEntry {
  id: string;
  priority: number;
  /** Insertion order: FIFO among equal priorities, as BullMQ orders its prioritized set. */
  seq: number;
}

/** A binary min-heap: O(log n) add and take, so a flood of jobs does not make each add O(n). */
export class PriorityHeap {
  private readonly items: HeapEntry[] = [];

  get size(): number {
    return this.items.length;
  }

  push(entry: HeapEntry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): HeapEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && before(items[left], items[smallest])) smallest = left;
      if (right < items.length && before(items[right], items[smallest])) smallest = right;
      if (smallest === i) return top;
      [items[i], items[smallest]] = [items[smallest], items[i]];
      i = smallest;
    }
  }
}

function before(a: HeapEntry, b: HeapEntry): boolean {
  return a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq);
}
