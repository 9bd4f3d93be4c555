import { useId, useState, type FormEvent } from 'react';

import type { AuditAction } from '@badges/api-contracts/types';

import type { AuditFilter } from '../../api/people-api';
import { useI18n } from '../../i18n/i18n-context';
import { AUDIT_ACTION_CODES } from './audit-labels';

/** Someone the trail can be filtered on: `staff:<id>` or `client:<id>`, and their name. */
export interface ActorChoice {
  actor: string;
  name: string;
}

interface Draft {
  action: AuditAction | '';
  actor: string;
  /** `YYYY-MM-DD` from the date inputs, in the reader's own time zone. */
  from: string;
  to: string;
}

const EMPTY: Draft = { action: '', actor: '', from: '', to: '' };

/** The trail's filters: an action, an actor (the institution's people and clients), and a range of days, both ends included. */
export function AuditFilters({ people, clients, onApply }: { people: readonly ActorChoice[]; clients: readonly ActorChoice[]; onApply(filter: AuditFilter): void }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });

  function apply(event: FormEvent) {
    event.preventDefault();
    onApply(filterOf(draft));
  }
  function clear() {
    setDraft(EMPTY);
    onApply({});
  }

  return (
    <form className="form audit-filters" onSubmit={apply} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('consolePeople.audit.filtersHeading')}</h2>
      <div className="filter-fields">
        <div>
          <label htmlFor={`${id}-action`}>{t('consolePeople.audit.action')}</label>
          <select id={`${id}-action`} value={draft.action} onChange={set('action')}>
            <option value="">{t('consolePeople.audit.anyAction')}</option>
            {AUDIT_ACTION_CODES.map((code) => (
              <option key={code} value={code}>
                {t(`consolePeople.audit.actions.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-actor`}>{t('consolePeople.audit.actor')}</label>
          <select id={`${id}-actor`} value={draft.actor} onChange={set('actor')}>
            <option value="">{t('consolePeople.audit.anyone')}</option>
            {[
              { label: t('consolePeople.audit.peopleGroup'), choices: people },
              { label: t('consolePeople.audit.clientsGroup'), choices: clients },
            ].map(
              (group) =>
                group.choices.length > 0 && (
                  <optgroup key={group.label} label={group.label}>
                    {group.choices.map((choice) => (
                      <option key={choice.actor} value={choice.actor}>
                        {choice.name}
                      </option>
                    ))}
                  </optgroup>
                ),
            )}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-from`}>{t('consolePeople.audit.from')}</label>
          <input id={`${id}-from`} type="date" value={draft.from} onChange={set('from')} />
        </div>
        <div>
          <label htmlFor={`${id}-to`}>{t('consolePeople.audit.to')}</label>
          <input id={`${id}-to`} type="date" value={draft.to} onChange={set('to')} />
        </div>
      </div>
      <div className="actions">
        <button type="submit">{t('consolePeople.audit.apply')}</button>
        <button type="button" className="secondary" onClick={clear}>
          {t('consolePeople.audit.clear')}
        </button>
      </div>
    </form>
  );
}

/** The API's filter: the days become instants at the reader's midnights, the last day included (`to` is exclusive). */
function filterOf(draft: Draft): AuditFilter {
  const midnight = (day: string, plusDays = 0) => {
    const date = new Date(`${day}T00:00:00`);
    date.setDate(date.getDate() + plusDays);
    return date.toISOString();
  };
  return {
    ...(draft.action && { action: draft.action }),
    ...(draft.actor && { actor: draft.actor }),
    ...(draft.from && { from: midnight(draft.from) }),
    ...(draft.to && { to: midnight(draft.to, 1) }),
  };
}
