import { LOOP_SLICE_MS, mapInSlices } from './loop-slicer';

/** The longest the event loop went without running a 1 ms interval while `work` ran. */
async function longestHold(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    longest = Math.max(longest, performance.now() - last);
    last = performance.now();
  }, 1);
  await work();
  clearInterval(timer);
  return Math.max(longest, performance.now() - last);
}

const burn = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('mapInSlices', () => {
  it('maps in order, like Array.prototype.map', async () => {
    expect(await mapInSlices(['a', 'b', 'c'], (item, index) => `${index}${item}`)).toEqual(['0a', '1b', '2c']);
  });

  it('lets the event loop turn between slices of a long loop', async () => {
    // 150 ms of work: one chain of microtasks would hold the loop for all of it.
    const held = await longestHold(() => mapInSlices(Array.from({ length: 150 }), () => burn(1)));
    expect(held).toBeLessThan(LOOP_SLICE_MS + 40);
  });
});
