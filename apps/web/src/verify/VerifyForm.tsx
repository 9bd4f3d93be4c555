import { useId, useState, type DragEvent, type FormEvent } from 'react';

import type { VerifyInput } from '../api/verify-api';
import { useI18n } from '../i18n/i18n-context';

interface Props {
  busy: boolean;
  initialUrl: string;
  expectedRecipient: string;
  onExpectedRecipientChange(value: string): void;
  onVerify(input: VerifyInput): void;
}

/** Three ways in (image, link, JSON/JWS), each its own labelled group with its own button. */
export function VerifyForm({ busy, initialUrl, expectedRecipient, onExpectedRecipientChange, onVerify }: Props) {
  const { t } = useI18n();
  const ids = { file: useId(), url: useId(), json: useId(), recipient: useId(), recipientHelp: useId() };
  const [url, setUrl] = useState(initialUrl);
  const [json, setJson] = useState('');
  const [dragging, setDragging] = useState(false);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onVerify({ image: file });
  }

  function submitUrl(event: FormEvent) {
    event.preventDefault();
    if (url.trim()) onVerify({ url: url.trim() });
  }

  function submitJson(event: FormEvent) {
    event.preventDefault();
    if (json.trim()) onVerify({ json: json.trim() });
  }

  return (
    <div className="verify-inputs">
      <div className="form narrow">
        <label htmlFor={ids.recipient}>{t('verify.expectedRecipient')}</label>
        <input
          id={ids.recipient}
          aria-describedby={ids.recipientHelp}
          autoComplete="off"
          value={expectedRecipient}
          onChange={(event) => onExpectedRecipientChange(event.target.value)}
        />
        <p id={ids.recipientHelp} className="muted">
          {t('verify.expectedRecipientHelp')}
        </p>
      </div>
      <fieldset className={`drop-zone${dragging ? ' dragging' : ''}`} onDragOver={(event) => { event.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
        <legend>{t('verify.imageLegend')}</legend>
        <p>{t('verify.dropZone')}</p>
        <label htmlFor={ids.file}>{t('verify.chooseFile')}</label>
        <input
          id={ids.file}
          type="file"
          accept="image/png,image/svg+xml,.png,.svg"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onVerify({ image: file });
            event.target.value = '';
          }}
        />
      </fieldset>
      <form onSubmit={submitUrl}>
        <fieldset>
          <legend>{t('verify.urlLegend')}</legend>
          <label htmlFor={ids.url}>{t('verify.urlLabel')}</label>
          <input id={ids.url} type="url" inputMode="url" placeholder="https://" value={url} onChange={(event) => setUrl(event.target.value)} />
          <button type="submit" disabled={busy}>
            {t('verify.verifyUrl')}
          </button>
        </fieldset>
      </form>
      <form onSubmit={submitJson}>
        <fieldset>
          <legend>{t('verify.jsonLegend')}</legend>
          <label htmlFor={ids.json}>{t('verify.jsonLabel')}</label>
          <textarea id={ids.json} spellCheck={false} value={json} onChange={(event) => setJson(event.target.value)} />
          <button type="submit" disabled={busy}>
            {t('verify.verifyJson')}
          </button>
        </fieldset>
      </form>
    </div>
  );
}
