import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/**
 * How long a batch loop runs before it lets the event loop turn. On the embedded default every
 * service shares one event loop: a cached public GET waits for whatever holds it, so background
 * work over hundreds of rows (a bulk award chunk, a batch of image bakes) runs in slices this long.
 */
export const LOOP_SLICE_MS = 5;

/**
 * Cuts a long loop into slices: `await slicer.turn()` once per item lets the event loop turn
 * (setImmediate, so timers and waiting requests go first) once the current slice has run
 * `sliceMs`; otherwise it costs one microtask.
 */
export class LoopSlicer {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs = LOOP_SLICE_MS) {}

  async turn(): Promise<void> {
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await yieldToEventLoop();
    this.sliceStart = performance.now();
  }
}

/** `items.map(fn)`, letting the event loop turn between slices of LOOP_SLICE_MS. */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T, index: number) => R): Promise<R[]> {
  const slicer = new LoopSlicer();
  const results: R[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    await slicer.turn();
    results[i] = fn(items[i], i);
  }
  return results;
}
