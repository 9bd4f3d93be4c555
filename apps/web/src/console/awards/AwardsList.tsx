import './awards.css';

import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';

import type { AssertionV2, AwardStatus } from '@badges/api-contracts/types';

import { exportAwards, listAwards, type AwardsFilter, type AwardsSource } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { formatDate } from '../../shell/format';
import { useAction } from '../../shell/use-action';
import { useFocusWhen } from '../../shell/use-focus-when';
import { useConsoleSession } from '../console-session';
import { AwardRevokeButton } from './AwardRevokeButton';
import { saveBlob } from './download';

const STATUSES: readonly AwardStatus[] = ['active', 'revoked', 'expired'];

/** Where an award stands, as the API's filter names it: revoked wins over expired. */
function statusOf(award: AssertionV2): AwardStatus {
  if (award.revoked) return 'revoked';
  return award.expires && Date.parse(award.expires) <= Date.now() ? 'expired' : 'active';
}

/**
 * Who received this badge class (or any badge class of an issuer, on the Assertions page): newest
 * first, 25 at a time ("Show more" follows the API's cursor), searched by name or exact email,
 * filtered by status, revocable row by row, and, for a badge class, exported with the same filter
 * as CSV. Recipients' emails are stored hashed, so a row shows the name staff gave, and only an
 * exact email finds an award by its address. `badgeNames` adds a column naming each award's badge;
 * `onRevoked` tells the page (its dashboard counts revocations too).
 */
export function AwardsList({ source, refreshKey, badgeNames, onRevoked }: { source: AwardsSource; refreshKey: number; badgeNames?: ReadonlyMap<string, string>; onRevoked?(): void }) {
  const { t, lang } = useI18n();
  const { token } = useConsoleSession();
  const id = useId();
  const load = useAction();
  const download = useAction();
  const [draft, setDraft] = useState<AwardsFilter>({ q: '', status: '' });
  const [filter, setFilter] = useState<AwardsFilter>({ q: '', status: '' });
  const [rows, setRows] = useState<AssertionV2[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  // The award just revoked from the list: its status takes focus once the list shows it, since its
  // Revoke button (where focus was) is gone.
  const [revokedId, setRevokedId] = useState<string | null>(null);
  const revokedStatusRef = useFocusWhen<HTMLTableCellElement>(revokedId !== null && rows?.some((row) => row.entityId === revokedId && row.revoked) === true);
  // Keyed on the source's parts, so a caller's fresh object each render does not reload the list.
  const { kind, id: sourceId } = source;
  const badgeClassId = kind === 'badgeClass' ? sourceId : null;

  const run = load.run;
  const reload = useCallback(
    () =>
      run(async () => {
        const page = await listAwards(token, { kind, id: sourceId }, filter);
        setRows(page.rows);
        setNext(page.next);
      }),
    [run, token, kind, sourceId, filter],
  );
  useEffect(() => void reload(), [reload, refreshKey]);

  function search(event: FormEvent) {
    event.preventDefault();
    setFilter({ ...draft });
  }

  async function more() {
    if (!next) return;
    await load.run(async () => {
      const page = await listAwards(token, { kind, id: sourceId }, filter, next);
      setRows((current) => [...(current ?? []), ...page.rows]);
      setNext(page.next);
    });
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="awards">
      <h2 id={`${id}-heading`}>{t('console.awards.heading')}</h2>
      <form className="form awards-filter" role="search" onSubmit={search} aria-label={t('console.awards.filterLabel')}>
        <label htmlFor={`${id}-q`}>{t('console.awards.search')}</label>
        <input id={`${id}-q`} type="search" value={draft.q} aria-describedby={`${id}-q-help`} onChange={(event) => setDraft({ ...draft, q: event.target.value })} />
        <p id={`${id}-q-help`} className="muted">
          {t('console.awards.searchHelp')}
        </p>
        <label htmlFor={`${id}-status`}>{t('console.awards.status')}</label>
        <select id={`${id}-status`} value={draft.status} onChange={(event) => setDraft({ ...draft, status: event.target.value as AwardStatus | '' })}>
          <option value="">{t('console.awards.statusAll')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`console.awards.statuses.${status}`)}
            </option>
          ))}
        </select>
        <button type="submit">{t('console.awards.apply')}</button>
      </form>
      {badgeClassId && (
        <p className="actions">
          <button type="button" className="secondary" disabled={download.busy} onClick={() => download.run(async () => saveBlob(await exportAwards(token, badgeClassId, filter), `awards-${badgeClassId}.csv`))}>
            {t('console.awards.export')}
          </button>
        </p>
      )}
      <ErrorMessage error={download.error} />
      <ErrorMessage error={load.error} />
      {rows && rows.length === 0 && <p>{t('console.awards.none')}</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll stacks-on-phone">
          <table>
            <caption>{t(badgeClassId ? 'console.awards.caption' : 'console.findAwards.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.awards.recipient')}</th>
                {badgeNames && <th scope="col">{t('console.findAwards.badge')}</th>}
                <th scope="col">{t('console.awards.issuedOn')}</th>
                <th scope="col">{t('console.awards.status')}</th>
                <th scope="col">{t('console.awards.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((award) => (
                <tr key={award.entityId}>
                  <td data-label={t('console.awards.recipient')}>{award.recipientName ?? award.recipient.plaintextIdentity ?? t('console.awards.unnamed')}</td>
                  {badgeNames && <td data-label={t('console.findAwards.badge')}>{badgeNames.get(award.badgeclass) ?? award.badgeclass}</td>}
                  <td data-label={t('console.awards.issuedOn')}>{formatDate(award.issuedOn, lang)}</td>
                  <td data-label={t('console.awards.status')} {...(award.entityId === revokedId ? { ref: revokedStatusRef, tabIndex: -1 } : {})}>
                    {t(`console.awards.statuses.${statusOf(award)}`)}
                    {award.revocationReason && <span className="muted"> · {award.revocationReason}</span>}
                  </td>
                  <td data-label={t('console.awards.actions')}>
                    <a href={award.openBadgeId}>{t('console.assertions.view')}</a>
                    {!award.revoked && <AwardRevokeButton award={award} onRevoked={() => reload().finally(() => { setRevokedId(award.entityId); return onRevoked?.(); })} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" className="secondary" disabled={load.busy} onClick={more}>
          {t('console.awards.more')}
        </button>
      )}
    </section>
  );
}
