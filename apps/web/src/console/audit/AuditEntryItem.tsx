import { Fragment } from 'react';
import { Link } from 'react-router';

import type { AuditEntryV2 } from '@badges/api-contracts/types';

import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shell/format';
import { targetHref } from './audit-labels';
import { changeText, type ValueWords } from './change-text';

/** One change of the trail: what, when, who, on what, and the fields it changed. */
export function AuditEntryItem({ entry, words }: { entry: AuditEntryV2; words: ValueWords }) {
  const { t, lang } = useI18n();
  const who = entry.actor === null ? t('consolePeople.audit.platform') : (entry.actorName ?? entry.actor);
  const href = targetHref(entry.action, entry.target);
  const targetName = `${t(`consolePeople.audit.targets.${entry.target.type}`)} ${words.nameOf(entry.target.entityId) ?? entry.target.entityId}`;
  const fields = Object.entries(entry.changes);
  return (
    <li data-action={entry.action}>
      <h3>{t(`consolePeople.audit.actions.${entry.action}`)}</h3>
      <p>
        <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, lang)}</time> · {t('consolePeople.audit.by', { who })}
      </p>
      <p>
        {t('consolePeople.audit.on')} {href ? <Link to={href}>{targetName}</Link> : <span className="share-url">{targetName}</span>}
      </p>
      {fields.length > 0 ? (
        <dl className="facts">
          {fields.map(([field, change]) => (
            <Fragment key={field}>
              <dt>
                <code>{field}</code>
              </dt>
              <dd>{changeText(change, words) || t('consolePeople.audit.changed')}</dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p className="muted">{t('consolePeople.audit.noChanges')}</p>
      )}
      <p className="muted">
        <small>{t('consolePeople.audit.code', { code: entry.action })}</small>
      </p>
    </li>
  );
}
