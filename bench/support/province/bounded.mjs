// Bounded loops: a fixed number of workers over a list, or until a deadline. Nothing in the bench
// starts work without one of these (no unbounded Promise.all over generated work).

/** Runs `work(item, index)` over `items`, `concurrency` at a time; resolves when all are done. */
export async function forEachBounded(items, concurrency, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `workers` loops of `step()` until `deadline` (performance.now() ms) or `stopped()`. */
export async function untilDeadline(workers, deadline, step, stopped = () => false) {
  const loop = async (worker) => {
    while (performance.now() < deadline && !stopped()) await step(worker);
  };
  await Promise.all(Array.from({ length: workers }, (_, worker) => loop(worker)));
}

/** Polls `check()` every `everyMs` until it is true or `timeoutMs` passes; answers whether it became true. */
export async function waitFor(check, timeoutMs, everyMs = 1000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (performance.now() > deadline) return false;
    await sleep(everyMs);
  }
}
