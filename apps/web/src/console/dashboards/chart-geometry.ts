import type { AwardCountsV2 } from '@badges/api-contracts/types';

export type Metric = keyof AwardCountsV2;
/** The four counts, in the order the totals, the legend and the table show them. */
export const METRICS: readonly Metric[] = ['awarded', 'accepted', 'shared', 'revoked'];

/** The drawing area of the chart, in SVG units (the SVG scales to its box). */
export const CHART = { width: 640, height: 220, left: 60, right: 12, top: 12, bottom: 28 } as const;

/** A round top for the y axis (1, 2, 5 × 10^n), so its one label reads well. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

/** The `points` of one metric's line: buckets spread evenly left to right, counts bottom to top. */
export function linePoints(values: readonly number[], max: number): string {
  const innerWidth = CHART.width - CHART.left - CHART.right;
  const innerHeight = CHART.height - CHART.top - CHART.bottom;
  const x = (index: number) => CHART.left + (values.length === 1 ? innerWidth / 2 : (index * innerWidth) / (values.length - 1));
  const y = (value: number) => CHART.top + innerHeight - (value / max) * innerHeight;
  return values.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
}
