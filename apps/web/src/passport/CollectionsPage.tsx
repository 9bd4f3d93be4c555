import { useId, useState, type FormEvent } from 'react';

import type { BackpackAssertionV2 } from '@badges/api-contracts/types';

import { createCollection } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { useAction } from '../shell/use-action';
import { usePageTitle } from '../shell/use-page-title';
import { CollectionCard } from './CollectionCard';
import { usePassportContext } from './passport-context';

/** What a collection may hold: the learner's accepted badges (the passport refuses any other). */
export function collectableBadges(badges: BackpackAssertionV2[]): BackpackAssertionV2[] {
  return badges.filter((badge) => badge.status === 'accepted');
}

export function CollectionsPage() {
  const { t } = useI18n();
  usePageTitle(t('passport.collections.heading'));
  const { token, reload, data } = usePassportContext();
  const badges = collectableBadges(data.badges);
  const ids = { name: useId(), description: useId() };
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const action = useAction();

  async function create(event: FormEvent) {
    event.preventDefault();
    const done = await action.run(async () => {
      await createCollection(token, name.trim(), description.trim(), chosen);
      await reload();
    });
    if (done) {
      setName('');
      setDescription('');
      setChosen([]);
    }
  }

  return (
    <section aria-labelledby="collections-heading">
      <h2 id="collections-heading">{t('passport.collections.heading')}</h2>
      {data.collections.length === 0 ? (
        <p>{t('passport.collection.noneYet')}</p>
      ) : (
        <ul className="plain-list">
          {data.collections.map((collection) => (
            <CollectionCard key={collection.entityId} collection={collection} badges={badges} />
          ))}
        </ul>
      )}
      <form className="form narrow card" onSubmit={create} aria-labelledby="create-collection">
        <h3 id="create-collection">{t('passport.collections.create')}</h3>
        <label htmlFor={ids.name}>{t('passport.collections.name')}</label>
        <input id={ids.name} required maxLength={128} value={name} onChange={(event) => setName(event.target.value)} />
        <label htmlFor={ids.description}>{t('passport.collections.description')}</label>
        <input id={ids.description} maxLength={2000} value={description} onChange={(event) => setDescription(event.target.value)} />
        {badges.length > 0 ? (
          <fieldset>
            <legend>{t('passport.collections.badges')}</legend>
            {badges.map((badge) => (
              <label key={badge.entityId} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(badge.entityId)}
                  onChange={(event) => setChosen((current) => (event.target.checked ? [...current, badge.entityId] : current.filter((id) => id !== badge.entityId)))}
                />
                {badge.badgeclassName}
              </label>
            ))}
          </fieldset>
        ) : (
          <p className="muted">{t('passport.collection.noAccepted')}</p>
        )}
        <ErrorMessage error={action.error} />
        <button type="submit" disabled={action.busy}>
          {t('passport.collections.submit')}
        </button>
      </form>
    </section>
  );
}
