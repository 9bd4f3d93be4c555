import { useId, useState, type ChangeEvent } from 'react';

import { useI18n } from '../../i18n/i18n-context';
import { isBadgeImage, readAsDataUri } from './image-data-uri';

/**
 * An image chosen from disk for a badge class or an issuer: PNG or SVG only, read as the data URI
 * the API takes, previewed at once; the current image is shown until another is chosen.
 */
export function ImageField({ label, required, current, onChange }: { label: string; required: boolean; current?: string | null; onChange(image: string | undefined): void }) {
  const { t } = useI18n();
  const id = useId();
  const [chosen, setChosen] = useState<string>();
  const [error, setError] = useState<string | null>(null);
  const choose = (image: string | undefined) => {
    setChosen(image);
    onChange(image);
  };

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setError(null);
    choose(undefined);
    if (!file) return;
    if (!isBadgeImage(file)) return setError(t('console.badgeClass.imageWrongType'));
    try {
      choose(await readAsDataUri(file));
    } catch {
      setError(t('console.badgeClass.imageUnreadable'));
    }
  }

  return (
    <>
      <label htmlFor={`${id}-image`}>{label}</label>
      <input id={`${id}-image`} type="file" accept="image/png,image/svg+xml" required={required} onChange={pick} aria-describedby={error ? `${id}-image-error` : undefined} />
      {error && (
        <p id={`${id}-image-error`} className="error" role="alert">
          {error}
        </p>
      )}
      {chosen ? (
        <img className="image-preview" src={chosen} alt={t('console.badgeClass.imagePreview')} width={96} height={96} />
      ) : (
        current && <img className="image-preview" src={current} alt={t('console.badgeClass.currentImage')} width={96} height={96} />
      )}
    </>
  );
}
