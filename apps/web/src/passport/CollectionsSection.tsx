import { useId, useState, type FormEvent } from 'react';

import type { BackpackAssertionV2, CollectionV2 } from '@badges/api-contracts/types';

import { createCollection, createShare, deleteCollection } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { Notice } from '../shell/Notice';
import { useAction } from '../shell/use-action';
import type { SectionProps } from './PassportHome';

export function CollectionsSection({ token, reload, collections, badges }: SectionProps & { collections: CollectionV2[]; badges: BackpackAssertionV2[] }) {
  const { t } = useI18n();
  const ids = { name: useId(), description: useId(), badges: useId() };
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const action = useAction();
  const names = new Map(badges.map((badge) => [badge.entityId, badge.badgeclassName]));

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

  const share = (collection: CollectionV2) =>
    action.run(async () => {
      const created = await createShare(token, 'collection', collection.entityId);
      await reload();
      return t('passport.shares.created', { url: created.url });
    });
  const remove = (collection: CollectionV2) =>
    action.run(async () => {
      await deleteCollection(token, collection.entityId);
      await reload();
    });

  return (
    <section aria-labelledby="collections-heading">
      <h2 id="collections-heading">{t('passport.collections.heading')}</h2>
      <ErrorMessage error={action.error} />
      <Notice text={action.notice} />
      {collections.length === 0 ? (
        <p>{t('passport.collections.none')}</p>
      ) : (
        <ul className="plain-list">
          {collections.map((collection) => (
            <li key={collection.entityId} className="card">
              <h3>{collection.name}</h3>
              {collection.description && <p>{collection.description}</p>}
              <p className="muted">{collection.assertions.map((id) => names.get(id) ?? id).join(', ') || t('passport.collections.count', { count: 0 })}</p>
              <div className="actions">
                <button type="button" disabled={action.busy} aria-label={t('passport.collections.shareNamed', { name: collection.name })} onClick={() => share(collection)}>
                  {t('passport.collections.share')}
                </button>
                <button type="button" className="secondary" disabled={action.busy} aria-label={t('passport.collections.removeNamed', { name: collection.name })} onClick={() => remove(collection)}>
                  {t('passport.collections.remove')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="form narrow" onSubmit={create} aria-labelledby="create-collection">
        <h3 id="create-collection">{t('passport.collections.create')}</h3>
        <label htmlFor={ids.name}>{t('passport.collections.name')}</label>
        <input id={ids.name} required maxLength={128} value={name} onChange={(event) => setName(event.target.value)} />
        <label htmlFor={ids.description}>{t('passport.collections.description')}</label>
        <input id={ids.description} maxLength={2000} value={description} onChange={(event) => setDescription(event.target.value)} />
        {badges.length > 0 && (
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
        )}
        <button type="submit" disabled={action.busy}>
          {t('passport.collections.submit')}
        </button>
      </form>
    </section>
  );
}
