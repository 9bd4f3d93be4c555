import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router';

import { createBadgeClass, getBadgeClass, getIssuer, updateBadgeClass, type BadgeClassFields } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { usePageTitle } from '../../shell/use-page-title';
import { useConsoleData, useConsoleSession } from '../console-session';
import { BadgeClassForm } from './BadgeClassForm';

/** A new badge class for the issuer in the address; once created, its page (to award it). */
export function BadgeClassNewPage() {
  const { t } = useI18n();
  const { token } = useConsoleSession();
  const navigate = useNavigate();
  const issuerId = useParams().issuerId ?? '';
  const issuer = useConsoleData(useCallback((token: string) => getIssuer(token, issuerId), [issuerId]));
  const title = t('console.badgeClass.createTitle', { issuer: issuer.data?.name ?? '' });
  usePageTitle(title);

  if (!issuer.data) return issuer.error ? <ErrorMessage error={issuer.error} /> : <p>{t('common.loading')}</p>;
  const create = async (fields: BadgeClassFields) => {
    const created = await createBadgeClass(token, issuerId, fields);
    await navigate(`/console/badge-classes/${created.entityId}`);
  };
  return (
    <>
      <h1>{title}</h1>
      <BadgeClassForm onSubmit={create} />
    </>
  );
}

/** Edits a badge class; once saved, back to its page, which shows the change. */
export function BadgeClassEditPage() {
  const { t } = useI18n();
  const { token } = useConsoleSession();
  const navigate = useNavigate();
  const badgeClassId = useParams().badgeClassId ?? '';
  const badgeClass = useConsoleData(useCallback((token: string) => getBadgeClass(token, badgeClassId), [badgeClassId]));
  const title = t('console.badgeClass.editTitle', { name: badgeClass.data?.name ?? '' });
  usePageTitle(title);

  if (!badgeClass.data) return badgeClass.error ? <ErrorMessage error={badgeClass.error} /> : <p>{t('common.loading')}</p>;
  const save = async (fields: BadgeClassFields) => {
    await updateBadgeClass(token, badgeClassId, fields);
    await navigate(`/console/badge-classes/${badgeClassId}`);
  };
  return (
    <>
      <h1>{title}</h1>
      <BadgeClassForm existing={badgeClass.data} onSubmit={save} />
    </>
  );
}
