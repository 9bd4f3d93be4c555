import './awards.css';

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import type { BulkAwardProgress, BulkAwardRowError } from '@badges/api-contracts/types';

import { bulkAwardDetail, bulkAwardResult, followBulkAward, startBulkAward } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { useAction } from '../../shell/use-action';
import { useConsoleSession } from '../console-session';
import { saveBlob } from './download';

/**
 * Awards the badge class to every row of a CSV file: the upload starts a job, whose progress
 * stream drives the progress bar; once it completes, its result CSV can be downloaded.
 */
export function BulkAwardForm({ badgeClassId, onFinished }: { badgeClassId: string; onFinished(): void }) {
  const { t } = useI18n();
  const { token } = useConsoleSession();
  const id = useId();
  const action = useAction();
  const download = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<BulkAwardProgress | null>(null);
  const [rowErrors, setRowErrors] = useState<BulkAwardRowError[]>([]);
  const stream = useRef<AbortController | null>(null);
  // Leaving the page stops following the job (the job itself goes on).
  useEffect(() => () => stream.current?.abort(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      if (!file) throw new Error(t('console.bulk.noFile'));
      setProgress(null);
      setRowErrors([]);
      // One key per upload: a retried request (double submit, flaky network) gets the same job back.
      const job = await startBulkAward(token, badgeClassId, file, crypto.randomUUID());
      setJobId(job.jobId);
      setProgress(job);
      stream.current?.abort();
      stream.current = new AbortController();
      const final = await followBulkAward(token, job.jobId, setProgress, stream.current.signal);
      setProgress(final);
      onFinished();
      // The stream carries counts only; the job answers every row error with its line number.
      if (final.failed > 0) setRowErrors((await bulkAwardDetail(token, job.jobId)).errors.filter((error) => error.status === 'failed'));
    });
  }

  const finished = progress?.status === 'completed' || progress?.status === 'failed';
  return (
    <form className="form narrow" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('console.bulk.heading')}</h2>
      <p id={`${id}-help`}>{t('console.bulk.help')}</p>
      <label htmlFor={`${id}-file`}>{t('console.bulk.file')}</label>
      <input id={`${id}-file`} type="file" accept=".csv,text/csv" required aria-describedby={`${id}-help`} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      <ErrorMessage error={action.error} />
      <button type="submit" disabled={action.busy}>
        {t('console.bulk.submit')}
      </button>
      {progress && (
        <div className="bulk-progress">
          <label htmlFor={`${id}-progress`}>{t('console.bulk.progressLabel')}</label>
          <progress id={`${id}-progress`} max={Math.max(progress.total, 1)} value={progress.done + progress.failed} />
          <p role="status">
            {finished
              ? t('console.bulk.completed', { done: progress.done + progress.failed, total: progress.total })
              : t('console.bulk.progress', { done: progress.done + progress.failed, total: progress.total })}
          </p>
          {progress.failed > 0 && <p className="error">{t('console.bulk.failed', { failed: progress.failed })}</p>}
          {rowErrors.length > 0 && (
            <div className="table-scroll">
              <table>
                <caption>{t('console.bulk.errorsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('console.bulk.line')}</th>
                    <th scope="col">{t('console.bulk.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rowErrors.map((error) => (
                    <tr key={error.line}>
                      <td>{error.line}</td>
                      <td>{error.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {progress.status === 'failed' && <p className="error">{t('console.bulk.jobFailed')}</p>}
        </div>
      )}
      {finished && jobId && (
        <>
          <button type="button" className="secondary" disabled={download.busy} onClick={() => download.run(async () => saveBlob(await bulkAwardResult(token, jobId), `bulk-award-${jobId}.csv`))}>
            {t('console.bulk.download')}
          </button>
          <ErrorMessage error={download.error} />
        </>
      )}
    </form>
  );
}
