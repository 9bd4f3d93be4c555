import { CHART, linePoints, niceMax } from './chart-geometry';

describe('chart geometry', () => {
  it('rounds the top of the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([niceMax(0), niceMax(1), niceMax(3), niceMax(7), niceMax(12), niceMax(250), niceMax(1001)]).toEqual([1, 1, 5, 10, 20, 500, 2000]);
  });

  it('spreads buckets across the width and puts zero on the baseline, the maximum at the top', () => {
    const [first, middle, last] = linePoints([0, 5, 10], 10).split(' ');
    expect(first).toBe(`${CHART.left.toFixed(1)},${(CHART.height - CHART.bottom).toFixed(1)}`);
    expect(last).toBe(`${(CHART.width - CHART.right).toFixed(1)},${CHART.top.toFixed(1)}`);
    expect(middle).toBe(`${((CHART.left + CHART.width - CHART.right) / 2).toFixed(1)},${((CHART.top + CHART.height - CHART.bottom) / 2).toFixed(1)}`);
  });
});
