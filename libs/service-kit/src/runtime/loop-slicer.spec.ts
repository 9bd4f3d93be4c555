import { LOOP_SLICE_MS, mapInSlices } from './loop-slicer';

/** How many times the event loop turned while `work` ran (counted, not timed: timing is for benchmarks). */
async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let counting = true;
  const count = () => {
    if (!counting) return;
    turns += 1;
    setImmediate(count);
  };
  setImmediate(count);
  await work();
  counting = false;
  return turns;
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
    // 150 ms of work in slices of LOOP_SLICE_MS; one chain of microtasks would not let it turn once.
    const turns = await turnsDuring(() => mapInSlices(Array.from({ length: 150 }), () => burn(1)));
    expect(turns).toBeGreaterThanOrEqual(Math.floor(150 / LOOP_SLICE_MS / 2));
  });
});
