import { useId } from 'react';

import type { AwardStatsV2 } from '@badges/api-contracts/types';

import { useI18n } from '../../i18n/i18n-context';
import { formatNumber } from '../../shell/format';
import { CHART, linePoints, METRICS, niceMax } from './chart-geometry';

/**
 * The counts over time as one small line chart: an SVG with a title and a description for screen
 * readers (the exact numbers are in the table after it), each line told apart by its dash as well
 * as its colour, and a legend in HTML so it wraps on a phone.
 */
export function AwardsChart({ stats, bucketLabel }: { stats: AwardStatsV2; bucketLabel(start: string): string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const max = niceMax(Math.max(0, ...stats.series.flatMap((row) => METRICS.map((metric) => row[metric]))));
  const first = stats.series[0];
  const last = stats.series.at(-1);
  const baseline = CHART.height - CHART.bottom;

  return (
    <figure className="dashboard-chart">
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{t('console.dashboard.chartTitle')}</title>
        <desc id={`${id}-desc`}>{t('console.dashboard.chartDescription')}</desc>
        <line className="axis" x1={CHART.left} y1={baseline} x2={CHART.width - CHART.right} y2={baseline} />
        <line className="axis" x1={CHART.left} y1={CHART.top} x2={CHART.left} y2={baseline} />
        <text className="tick" x={CHART.left - 6} y={CHART.top + 10} textAnchor="end">
          {formatNumber(max, lang)}
        </text>
        <text className="tick" x={CHART.left - 6} y={baseline} textAnchor="end">
          0
        </text>
        {first && (
          <text className="tick" x={CHART.left} y={CHART.height - 8} textAnchor="start">
            {bucketLabel(first.start)}
          </text>
        )}
        {last && last !== first && (
          <text className="tick" x={CHART.width - CHART.right} y={CHART.height - 8} textAnchor="end">
            {bucketLabel(last.start)}
          </text>
        )}
        {METRICS.map((metric) => (
          <polyline key={metric} className={`line line-${metric}`} points={linePoints(stats.series.map((row) => row[metric]), max)} />
        ))}
      </svg>
      <figcaption>
        <ul className="dashboard-legend">
          {METRICS.map((metric) => (
            <li key={metric}>
              <svg className="swatch" viewBox="0 0 24 8" aria-hidden="true">
                <line className={`line line-${metric}`} x1="0" y1="4" x2="24" y2="4" />
              </svg>
              {t(`console.dashboard.metrics.${metric}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
