import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import type { BackpackAssertionV2, CollectionV2 } from '@badges/api-contracts/types';

import { createShare, deleteCollection, updateCollection } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { Notice } from '../shell/Notice';
import { useAction } from '../shell/use-action';
import { closeOnEscape } from '../shell/close-on-escape';
import { useFocusWhen } from '../shell/use-focus-when';
import { CopyButton } from './CopyButton';
import { usePassportContext } from './passport-context';

/** One collection: its badges in order and its share link; Edit opens its form in place. */
export function CollectionCard({ collection, badges }: { collection: CollectionV2; badges: BackpackAssertionV2[] }) {
  const { t } = useI18n();
  const { token, reload, data } = usePassportContext();
  const [editing, setEditing] = useState(false);
  const action = useAction();
  const byId = new Map(badges.map((badge) => [badge.entityId, badge]));
  const members = collection.assertions.flatMap((id) => byId.get(id) ?? []);
  const share = data.shares.find((candidate) => candidate.type === 'collection' && candidate.target === collection.entityId && !candidate.revoked);
  // Focus goes back to Edit when the form closes, and to the link when it replaces its button.
  const editRef = useFocusWhen<HTMLButtonElement>(!editing);
  const linkRef = useFocusWhen<HTMLAnchorElement>(Boolean(share));

  const createLink = () =>
    action.run(async () => {
      await createShare(token, 'collection', collection.entityId);
      await reload();
    });
  const remove = () =>
    action.run(async () => {
      await deleteCollection(token, collection.entityId);
      await reload();
    });

  if (editing) {
    return (
      <li className="card">
        <CollectionEditor
          collection={collection}
          badges={badges}
          onDone={(saved) => {
            setEditing(false);
            if (saved) void action.run(async () => t('passport.collection.saved'));
          }}
        />
      </li>
    );
  }

  return (
    <li className="card" data-collection={collection.entityId}>
      <h3>{collection.name}</h3>
      {collection.description && <p>{collection.description}</p>}
      {members.length === 0 ? (
        <p className="muted">{t('passport.collection.empty')}</p>
      ) : (
        <>
          <p className="muted">{members.length === 1 ? t('passport.collection.badgesOne') : t('passport.collection.badgesMany', { count: members.length })}</p>
          <ol className="collection-badges">
            {members.map((badge) => (
              <li key={badge.entityId}>
                <Link to={`/passport/badges/${encodeURIComponent(badge.entityId)}`}>{badge.badgeclassName}</Link>
              </li>
            ))}
          </ol>
        </>
      )}
      {share && (
        <p className="share-link">
          <span className="label">{t('passport.shares.link')}</span> <a ref={linkRef} href={share.url} className="share-url">
            {share.url}
          </a>{' '}
          <CopyButton text={share.url} label={t('passport.share.copyLink')} />
        </p>
      )}
      <div className="actions">
        <button ref={editRef} type="button" disabled={action.busy} aria-label={t('passport.collection.editNamed', { name: collection.name })} onClick={() => setEditing(true)}>
          {t('passport.collection.edit')}
        </button>
        {!share && (
          <button type="button" className="secondary" disabled={action.busy} aria-label={t('passport.collections.shareNamed', { name: collection.name })} onClick={createLink}>
            {t('passport.collections.share')}
          </button>
        )}
        <button type="button" className="secondary" disabled={action.busy} aria-label={t('passport.collections.removeNamed', { name: collection.name })} onClick={remove}>
          {t('passport.collections.remove')}
        </button>
      </div>
      <ErrorMessage error={action.error} />
      <Notice text={action.notice} />
    </li>
  );
}

/**
 * Name, description, and the badges in order: moved up or down, removed, or added, then saved at
 * once. It opens with focus in its name field; Escape closes it like Cancel.
 */
function CollectionEditor({ collection, badges, onDone }: { collection: CollectionV2; badges: BackpackAssertionV2[]; onDone(saved: boolean): void }) {
  const { t } = useI18n();
  const { token, reload } = usePassportContext();
  const ids = { name: useId(), description: useId(), add: useId(), heading: useId() };
  const byId = new Map(badges.map((badge) => [badge.entityId, badge]));
  const [name, setName] = useState(collection.name);
  const [description, setDescription] = useState(collection.description);
  // Badges no longer accepted (revoked ones stay accepted) drop out when saved: the passport refuses them.
  const [order, setOrder] = useState(collection.assertions.filter((id) => byId.has(id)));
  const addable = badges.filter((badge) => !order.includes(badge.entityId));
  const [toAdd, setToAdd] = useState('');
  const action = useAction();
  const nameRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // The badge just moved: focus follows it, to the same button unless that one is now disabled (top or bottom).
  const [moved, setMoved] = useState<{ id: string; by: -1 | 1 } | null>(null);

  useEffect(() => nameRef.current?.focus(), []);
  useEffect(() => {
    if (!moved) return;
    const buttons = [moved.by, -moved.by].map((by) => listRef.current?.querySelector<HTMLButtonElement>(`[data-move="${CSS.escape(moved.id)}"][data-by="${by}"]`));
    buttons.find((button) => button && !button.disabled)?.focus();
  }, [moved, order]);

  // The badge just removed: focus goes to the Remove button now in its place (or the last one), else
  // to "Add a badge", so keyboard users carry on from where they were rather than the page's top.
  const [removedAt, setRemovedAt] = useState<number | null>(null);
  useEffect(() => {
    if (removedAt === null) return;
    const removeButtons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('[data-remove]') ?? [])];
    (removeButtons[Math.min(removedAt, removeButtons.length - 1)] ?? document.getElementById(ids.add) ?? nameRef.current)?.focus();
    setRemovedAt(null);
  }, [removedAt, order, ids.add]);
  const remove = (index: number) => {
    setRemovedAt(index);
    setOrder((current) => current.filter((_, at) => at !== index));
  };

  const move = (index: number, by: -1 | 1) => {
    setMoved({ id: order[index], by });
    setOrder((current) => {
      const next = [...current];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  };


  async function save(event: FormEvent) {
    event.preventDefault();
    const done = await action.run(async () => {
      await updateCollection(token, collection.entityId, { name: name.trim(), description: description.trim(), assertions: order });
      await reload();
    });
    if (done) onDone(true);
  }

  return (
    <form className="form" onSubmit={save} onKeyDown={closeOnEscape(() => onDone(false))} aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('passport.collection.editing', { name: collection.name })}</h3>
      <label htmlFor={ids.name}>{t('passport.collections.name')}</label>
      <input ref={nameRef} id={ids.name} required maxLength={128} value={name} onChange={(event) => setName(event.target.value)} />
      <label htmlFor={ids.description}>{t('passport.collections.description')}</label>
      <input id={ids.description} maxLength={2000} value={description} onChange={(event) => setDescription(event.target.value)} />
      <fieldset>
        <legend>{t('passport.collection.order')}</legend>
        {order.length === 0 ? (
          <p className="muted">{t('passport.collection.empty')}</p>
        ) : (
          <ol className="collection-order" ref={listRef}>
            {order.map((id, index) => {
              const badgeName = byId.get(id)?.badgeclassName ?? id;
              return (
                <li key={id}>
                  {/* The list's own numbering, shown; screen readers already announce positions in a list. */}
                  <span aria-hidden="true">{index + 1}.</span>
                  <span className="name">{badgeName}</span>
                  <span className="actions">
                    <button type="button" className="secondary" data-move={id} data-by={-1} disabled={index === 0} aria-label={t('passport.collection.moveUp', { name: badgeName })} onClick={() => move(index, -1)}>
                      {t('passport.collection.up')}
                    </button>
                    <button type="button" className="secondary" data-move={id} data-by={1} disabled={index === order.length - 1} aria-label={t('passport.collection.moveDown', { name: badgeName })} onClick={() => move(index, 1)}>
                      {t('passport.collection.down')}
                    </button>
                    <button type="button" className="secondary" data-remove={id} aria-label={t('passport.collection.removeBadge', { name: badgeName })} onClick={() => remove(index)}>
                      {t('passport.collection.remove')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        {addable.length > 0 ? (
          <div className="add-badge">
            <label htmlFor={ids.add}>{t('passport.collection.addBadge')}</label>
            <select id={ids.add} value={toAdd} onChange={(event) => setToAdd(event.target.value)}>
              <option value="" />
              {addable.map((badge) => (
                <option key={badge.entityId} value={badge.entityId}>
                  {badge.badgeclassName}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="secondary"
              disabled={!toAdd}
              onClick={() => {
                setOrder((current) => [...current, toAdd]);
                setToAdd('');
              }}
            >
              {t('passport.collection.add')}
            </button>
          </div>
        ) : (
          badges.length === 0 && <p className="muted">{t('passport.collection.noAccepted')}</p>
        )}
      </fieldset>
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          {t('passport.collection.save')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          {t('common.actions.cancel')}
        </button>
      </div>
    </form>
  );
}
