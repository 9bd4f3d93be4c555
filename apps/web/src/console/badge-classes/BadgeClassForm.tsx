import { useId, useState, type ChangeEvent, type FormEvent } from 'react';

import type { Alignment, BadgeClassTranslation, BadgeClassV2, ExpirationDuration, OpenBadgesVersion, VerificationType } from '@badges/api-contracts/types';

import type { BadgeClassFields } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { Notice } from '../../shell/Notice';
import { useAction } from '../../shell/use-action';
import { ImageField } from './ImageField';
import { ListFieldset } from './ListFieldset';

/** The languages a badge class's texts can be written in here (the platform accepts any BCP 47 tag). */
const TEXT_LANGUAGES = ['en', 'fr'] as const;
/** The contract's EXPIRATION_DURATIONS, VERIFICATION_TYPES and OPEN_BADGES_VERSIONS (the web app imports types only). */
const DURATIONS: readonly ExpirationDuration[] = ['days', 'weeks', 'months', 'years'];
const VERIFICATIONS: readonly VerificationType[] = ['hosted', 'signed'];
const VERSIONS: readonly OpenBadgesVersion[] = ['2.0', 'both', '3.0'];
/** Catalogue keys for the versions: a dot would split the key path. */
const VERSION_KEY = { '2.0': 'ob2', both: 'both', '3.0': 'ob3' } as const satisfies Record<OpenBadgesVersion, string>;

interface FormState {
  name: string;
  description: string;
  image?: string;
  language: string;
  criteriaNarrative: string;
  criteriaUrl: string;
  alignments: Alignment[];
  translations: BadgeClassTranslation[];
  /** Comma-separated, as typed. */
  tags: string;
  /** Empty: awards never expire. */
  expiresAmount: string;
  expiresDuration: ExpirationDuration;
  verification: VerificationType;
  openBadgesVersion: OpenBadgesVersion;
}

function initialState(existing?: BadgeClassV2): FormState {
  return {
    name: existing?.name ?? '',
    description: existing?.description ?? '',
    language: existing?.language ?? 'en',
    criteriaNarrative: existing?.criteriaNarrative ?? '',
    criteriaUrl: existing?.criteriaUrl ?? '',
    alignments: existing?.alignments ?? [],
    translations: existing?.translations ?? [],
    tags: existing?.tags.join(', ') ?? '',
    expiresAmount: existing?.expires.amount ? String(existing.expires.amount) : '',
    expiresDuration: existing?.expires.duration ?? 'years',
    verification: existing?.verification ?? 'hosted',
    openBadgesVersion: existing?.openBadgesVersion ?? '2.0',
  };
}

/** Empty optional texts are sent as null, so clearing a field on edit clears it on the platform too. */
function toFields(state: FormState): BadgeClassFields {
  const orNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);
  return {
    name: state.name,
    description: state.description,
    ...(state.image ? { image: state.image } : {}),
    language: state.language,
    criteriaNarrative: orNull(state.criteriaNarrative),
    criteriaUrl: orNull(state.criteriaUrl),
    alignments: state.alignments.map((alignment) => ({ ...alignment, targetCode: orNull(alignment.targetCode) })),
    translations: state.translations.map((translation) => ({ ...translation, description: orNull(translation.description), criteriaNarrative: orNull(translation.criteriaNarrative) })),
    tags: state.tags.split(',').map((tag) => tag.trim()).filter(Boolean),
    expires: state.expiresAmount.trim() ? { amount: Number(state.expiresAmount), duration: state.expiresDuration } : null,
    // OB 3.0 alone publishes no 2.0 assertion to sign: the platform refuses "signed" with it.
    verification: state.openBadgesVersion === '3.0' ? 'hosted' : state.verification,
    openBadgesVersion: state.openBadgesVersion,
  };
}

/** Creates (no `existing`) or edits a badge class: texts, image, criteria, alignments and translations. */
export function BadgeClassForm({ existing, onSubmit }: { existing?: BadgeClassV2; onSubmit(fields: BadgeClassFields): Promise<string | void> }) {
  const { t } = useI18n();
  const id = useId();
  const action = useAction();
  const [state, setState] = useState(() => initialState(existing));
  const text = (name: 'name' | 'description' | 'criteriaNarrative' | 'criteriaUrl') => ({
    id: `${id}-${name}`,
    value: state[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setState({ ...state, [name]: event.target.value }),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    await action.run(() => onSubmit(toFields(state)));
  }

  const languageOptions = TEXT_LANGUAGES.map((lang) => (
    <option key={lang} value={lang}>
      {t(`console.languages.${lang}`)}
    </option>
  ));

  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor={`${id}-name`}>{t('console.badgeClass.name')}</label>
      <input required {...text('name')} />
      <label htmlFor={`${id}-description`}>{t('console.badgeClass.description')}</label>
      <textarea required {...text('description')} />
      <ImageField
        label={existing ? t('console.badgeClass.imageKeep') : t('console.badgeClass.image')}
        required={!existing}
        current={existing?.image}
        onChange={(image) => setState((current) => ({ ...current, image }))}
      />
      <label htmlFor={`${id}-language`}>{t('console.badgeClass.language')}</label>
      <select id={`${id}-language`} value={state.language} onChange={(event) => setState({ ...state, language: event.target.value })}>
        {languageOptions}
      </select>
      <label htmlFor={`${id}-criteriaNarrative`}>{t('console.badgeClass.criteriaNarrative')}</label>
      <textarea {...text('criteriaNarrative')} />
      <label htmlFor={`${id}-criteriaUrl`}>{t('console.badgeClass.criteriaUrl')}</label>
      <input type="url" placeholder="https://" {...text('criteriaUrl')} />

      <label htmlFor={`${id}-tags`}>{t('console.badgeClass.tagsLabel')}</label>
      <input id={`${id}-tags`} aria-describedby={`${id}-tags-help`} value={state.tags} onChange={(event) => setState({ ...state, tags: event.target.value })} />
      <p id={`${id}-tags-help`} className="muted">
        {t('console.badgeClass.tagsHelp')}
      </p>
      <fieldset>
        <legend>{t('console.badgeClass.expiryLegend')}</legend>
        <p id={`${id}-expiry-help`} className="muted">
          {t('console.badgeClass.expiryHelp')}
        </p>
        <label htmlFor={`${id}-expires-amount`}>{t('console.badgeClass.expiresAmount')}</label>
        <input
          id={`${id}-expires-amount`}
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          aria-describedby={`${id}-expiry-help`}
          value={state.expiresAmount}
          onChange={(event) => setState({ ...state, expiresAmount: event.target.value })}
        />
        <label htmlFor={`${id}-expires-duration`}>{t('console.badgeClass.expiresDuration')}</label>
        <select id={`${id}-expires-duration`} value={state.expiresDuration} onChange={(event) => setState({ ...state, expiresDuration: event.target.value as ExpirationDuration })}>
          {DURATIONS.map((duration) => (
            <option key={duration} value={duration}>
              {t(`console.badgeClass.durations.${duration}`)}
            </option>
          ))}
        </select>
      </fieldset>
      <fieldset>
        <legend>{t('console.badgeClass.openBadgesVersion')}</legend>
        {VERSIONS.map((version) => (
          <div key={version}>
            <input
              id={`${id}-version-${version}`}
              type="radio"
              name={`${id}-version`}
              value={version}
              checked={state.openBadgesVersion === version}
              aria-describedby={`${id}-version-${version}-help`}
              onChange={() => setState({ ...state, openBadgesVersion: version })}
            />{' '}
            <label htmlFor={`${id}-version-${version}`}>{t(`console.badgeClass.openBadgesVersions.${VERSION_KEY[version]}`)}</label>
            <p id={`${id}-version-${version}-help`} className="muted">
              {t(`console.badgeClass.openBadgesVersionsHelp.${VERSION_KEY[version]}`)}
            </p>
          </div>
        ))}
      </fieldset>
      {state.openBadgesVersion !== '3.0' && (
        <fieldset>
          <legend>{t('console.badgeClass.verification')}</legend>
          {VERIFICATIONS.map((verification) => (
            <div key={verification}>
              <input
                id={`${id}-verification-${verification}`}
                type="radio"
                name={`${id}-verification`}
                value={verification}
                checked={state.verification === verification}
                aria-describedby={`${id}-verification-${verification}-help`}
                onChange={() => setState({ ...state, verification })}
              />{' '}
              <label htmlFor={`${id}-verification-${verification}`}>{t(`console.badgeClass.verificationTypes.${verification}`)}</label>
              <p id={`${id}-verification-${verification}-help`} className="muted">
                {t(`console.badgeClass.verificationHelp.${verification}`)}
              </p>
            </div>
          ))}
        </fieldset>
      )}

      <ListFieldset
        legend={t('console.badgeClass.alignmentsLegend')}
        items={state.alignments}
        onChange={(alignments) => setState({ ...state, alignments })}
        blank={{ targetName: '', targetUrl: '', targetCode: '' }}
        addLabel={t('console.badgeClass.addAlignment')}
        removeLabel={(n) => t('console.badgeClass.removeAlignment', { n })}
        renderItem={(alignment, n, update) => (
          <>
            <label htmlFor={`${id}-alignment-${n}-name`}>{t('console.badgeClass.alignmentName', { n })}</label>
            <input id={`${id}-alignment-${n}-name`} required value={alignment.targetName} onChange={(event) => update({ targetName: event.target.value })} />
            <label htmlFor={`${id}-alignment-${n}-url`}>{t('console.badgeClass.alignmentUrl', { n })}</label>
            <input id={`${id}-alignment-${n}-url`} type="url" required placeholder="https://" value={alignment.targetUrl} onChange={(event) => update({ targetUrl: event.target.value })} />
            <label htmlFor={`${id}-alignment-${n}-code`}>{t('console.badgeClass.alignmentCode', { n })}</label>
            <input id={`${id}-alignment-${n}-code`} value={alignment.targetCode ?? ''} onChange={(event) => update({ targetCode: event.target.value })} />
          </>
        )}
      />

      <ListFieldset
        legend={t('console.badgeClass.translationsLegend')}
        items={state.translations}
        onChange={(translations) => setState({ ...state, translations })}
        blank={{ language: TEXT_LANGUAGES.find((lang) => lang !== state.language) ?? 'fr', name: '', description: '', criteriaNarrative: '' }}
        addLabel={t('console.badgeClass.addTranslation')}
        removeLabel={(n) => t('console.badgeClass.removeTranslation', { n })}
        renderItem={(translation, n, update) => (
          <>
            <label htmlFor={`${id}-translation-${n}-language`}>{t('console.badgeClass.translationLanguage', { n })}</label>
            <select id={`${id}-translation-${n}-language`} value={translation.language} onChange={(event) => update({ language: event.target.value })}>
              {languageOptions}
            </select>
            <label htmlFor={`${id}-translation-${n}-name`}>{t('console.badgeClass.translationName', { n })}</label>
            <input id={`${id}-translation-${n}-name`} required value={translation.name} onChange={(event) => update({ name: event.target.value })} />
            <label htmlFor={`${id}-translation-${n}-description`}>{t('console.badgeClass.translationDescription', { n })}</label>
            <textarea id={`${id}-translation-${n}-description`} value={translation.description ?? ''} onChange={(event) => update({ description: event.target.value })} />
            <label htmlFor={`${id}-translation-${n}-criteria`}>{t('console.badgeClass.translationCriteria', { n })}</label>
            <textarea id={`${id}-translation-${n}-criteria`} value={translation.criteriaNarrative ?? ''} onChange={(event) => update({ criteriaNarrative: event.target.value })} />
          </>
        )}
      />

      <ErrorMessage error={action.error} />
      <Notice text={action.notice} />
      <button type="submit" disabled={action.busy}>
        {existing ? t('console.badgeClass.save') : t('console.badgeClass.create')}
      </button>
    </form>
  );
}
