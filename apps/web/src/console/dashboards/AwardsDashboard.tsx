import './dashboards.css';

import { useCallback, useId, useState } from 'react';

import type { StatsBucket } from '@badges/api-contracts/types';

import { awardStats, type AwardsSource } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { formatNumber } from '../../shell/format';
import { useConsoleData } from '../console-session';
import { AwardsChart } from './AwardsChart';
import { METRICS } from './chart-geometry';

const BUCKETS: readonly StatsBucket[] = ['day', 'week', 'month'];

/**
 * A badge class's or an issuer's dashboard (issue #17): how many awards were made, accepted,
 * shared and revoked over the chosen period, as totals, a chart and the same numbers in a table.
 * Acceptances and shares come from learners' passports, so they count badges, never people.
 * A new `refreshKey` (an award made on the page) loads the counts again.
 */
export function AwardsDashboard({ source, refreshKey = 0 }: { source: AwardsSource; refreshKey?: number }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [bucket, setBucket] = useState<StatsBucket>('week');
  // Keyed on the source's parts, so a caller's fresh object each render does not reload it.
  const { kind, id: sourceId } = source;
  const { data: stats, error } = useConsoleData(useCallback((token: string) => awardStats(token, { kind, id: sourceId }, bucket), [kind, sourceId, bucket, refreshKey]));
  const bucketLabel = (start: string) => {
    const date = new Date(start);
    if (bucket === 'month') return new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
    const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
    return bucket === 'week' ? t('console.dashboard.weekOf', { date: day }) : day;
  };

  return (
    <section className="dashboard" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('console.dashboard.heading')}</h2>
      <p className="muted">{t(kind === 'issuer' ? 'console.dashboard.introIssuer' : 'console.dashboard.introBadgeClass')}</p>
      <label htmlFor={`${id}-period`}>{t('console.dashboard.period')}</label>
      <select id={`${id}-period`} value={bucket} onChange={(event) => setBucket(event.target.value as StatsBucket)}>
        {BUCKETS.map((option) => (
          <option key={option} value={option}>
            {t(`console.dashboard.periods.${option}`)}
          </option>
        ))}
      </select>
      <ErrorMessage error={error} />
      {stats && (
        <>
          <dl className="dashboard-totals" aria-live="polite">
            {METRICS.map((metric) => (
              <div key={metric}>
                <dt>{t(`console.dashboard.metrics.${metric}`)}</dt>
                <dd data-metric={metric}>{formatNumber(stats.totals[metric], lang)}</dd>
              </div>
            ))}
          </dl>
          <AwardsChart stats={stats} bucketLabel={bucketLabel} />
          <details>
            <summary>{t('console.dashboard.showTable')}</summary>
            <div className="table-scroll">
              <table>
                <caption>{t('console.dashboard.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(`console.dashboard.bucketColumn.${bucket}`)}</th>
                    {METRICS.map((metric) => (
                      <th key={metric} scope="col">
                        {t(`console.dashboard.metrics.${metric}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {stats.series.map((row) => (
                    <tr key={row.start}>
                      <th scope="row">{bucketLabel(row.start)}</th>
                      {METRICS.map((metric) => (
                        <td key={metric}>{formatNumber(row[metric], lang)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
