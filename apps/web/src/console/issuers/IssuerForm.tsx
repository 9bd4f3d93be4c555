import { useId, useState, type ChangeEvent, type FormEvent } from 'react';

import type { CredentialProof, IssuerV2 } from '@badges/api-contracts/types';

import type { IssuerFields } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { Notice } from '../../shell/Notice';
import { useAction } from '../../shell/use-action';
import { ImageField } from '../badge-classes/ImageField';

/** The contract's CREDENTIAL_PROOFS (the web app imports types only). */
const PROOFS: readonly CredentialProof[] = ['eddsa-rdfc-2022', 'vc-jwt'];

/** Creates (no `existing`) or edits an issuer: the name, contact, website and image badges show. */
export function IssuerForm({ existing, heading, submitLabel, onSubmit }: { existing?: IssuerV2; heading: string; submitLabel: string; onSubmit(fields: IssuerFields): Promise<string | void> }) {
  const { t } = useI18n();
  const id = useId();
  const action = useAction();
  const [fields, setFields] = useState({ name: existing?.name ?? '', email: existing?.email ?? '', url: existing?.url ?? '', description: existing?.description ?? '' });
  // Only a newly chosen image is sent: left out, the issuer keeps its current one.
  const [image, setImage] = useState<string>();
  const [credentialProof, setCredentialProof] = useState<CredentialProof>(existing?.credentialProof ?? 'eddsa-rdfc-2022');
  const field = (name: keyof typeof fields) => ({
    id: `${id}-${name}`,
    value: fields[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setFields({ ...fields, [name]: event.target.value }),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    // An emptied description is sent as null, which clears it (absent would keep it on edit).
    await action.run(() => onSubmit({ ...fields, description: fields.description.trim() || null, credentialProof, ...(image ? { image } : {}) }));
  }

  return (
    <form className="form narrow" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <label htmlFor={`${id}-name`}>{t('console.issuers.name')}</label>
      <input required {...field('name')} />
      <label htmlFor={`${id}-email`}>{t('console.issuers.email')}</label>
      <input type="email" required autoComplete="email" {...field('email')} />
      <label htmlFor={`${id}-url`}>{t('console.issuers.url')}</label>
      <input type="url" required placeholder="https://" {...field('url')} />
      <label htmlFor={`${id}-description`}>{t('console.issuers.description')}</label>
      <textarea {...field('description')} />
      <ImageField label={existing?.image ? t('console.issuerImage.keep') : t('console.issuerImage.label')} required={false} current={existing?.image} onChange={setImage} />
      <fieldset>
        <legend>{t('console.issuers.credentialProof')}</legend>
        <p className="muted">{t('console.issuers.credentialProofHelp')}</p>
        {PROOFS.map((proof) => (
          <div key={proof}>
            <input
              id={`${id}-proof-${proof}`}
              type="radio"
              name={`${id}-proof`}
              value={proof}
              checked={credentialProof === proof}
              aria-describedby={`${id}-proof-${proof}-help`}
              onChange={() => setCredentialProof(proof)}
            />{' '}
            <label htmlFor={`${id}-proof-${proof}`}>{t(`console.issuers.credentialProofs.${proof}`)}</label>
            <p id={`${id}-proof-${proof}-help`} className="muted">
              {t(`console.issuers.credentialProofsHelp.${proof}`)}
            </p>
          </div>
        ))}
      </fieldset>
      <ErrorMessage error={action.error} />
      <Notice text={action.notice} />
      <button type="submit" disabled={action.busy}>
        {submitLabel}
      </button>
    </form>
  );
}
