import { useId, useState, type DragEvent, type FormEvent } from 'react';

import { importBadge } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { Notice } from '../shell/Notice';
import { useAction } from '../shell/use-action';
import type { SectionProps } from './passport-context';

function asDataUri(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * Import by dropping a baked image (or choosing one), or by URL; the platform verifies it first,
 * and a refusal's message carries every one of the verifier's reasons.
 */
export function ImportSection({ token, reload }: SectionProps) {
  const { t } = useI18n();
  const ids = { file: useId(), url: useId() };
  const [url, setUrl] = useState('');
  const [dragging, setDragging] = useState(false);
  const action = useAction();

  const importWith = (input: () => Promise<{ image: string } | { url: string }>) =>
    action.run(async () => {
      const badge = await importBadge(token, await input());
      await reload();
      return t('passport.importing.done', { name: badge.badgeclassName });
    });

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void importWith(async () => ({ image: await asDataUri(file) }));
  }

  async function submitUrl(event: FormEvent) {
    event.preventDefault();
    if (await importWith(async () => ({ url: url.trim() }))) setUrl('');
  }

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('passport.importing.heading')}</h2>
      <div className={`drop-zone card${dragging ? ' dragging' : ''}`} onDragOver={(event) => { event.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
        <p>{t('passport.importing.help')}</p>
        <label htmlFor={ids.file}>{t('passport.importing.file')}</label>
        <input
          id={ids.file}
          type="file"
          accept="image/png,image/svg+xml,.png,.svg"
          disabled={action.busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void importWith(async () => ({ image: await asDataUri(file) }));
            event.target.value = '';
          }}
        />
      </div>
      <form className="form narrow" onSubmit={submitUrl}>
        <label htmlFor={ids.url}>{t('passport.importing.url')}</label>
        <input id={ids.url} type="url" required value={url} onChange={(event) => setUrl(event.target.value)} />
        <button type="submit" disabled={action.busy}>
          {t('passport.importing.submitUrl')}
        </button>
      </form>
      <ErrorMessage error={action.error} />
      <Notice text={action.notice} />
    </section>
  );
}
