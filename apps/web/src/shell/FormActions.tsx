import { useI18n } from '../i18n/i18n-context';

/** A form's submit button and a Cancel beside it, as every inline edit in the app ends. */
export function SubmitCancel({ submit, busy, onCancel }: { submit: string; busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" disabled={busy}>
        {submit}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('common.actions.cancel')}
      </button>
    </div>
  );
}

/**
 * The second step of a destructive action: the question, named as a group for screen readers,
 * the button that does it and a Cancel.
 */
export function ConfirmActions({ question, confirm, busy, onConfirm, onCancel }: { question: string; confirm: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="actions" role="group" aria-label={question}>
      <p>{question}</p>
      <button type="button" disabled={busy} onClick={onConfirm}>
        {confirm}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('common.actions.cancel')}
      </button>
    </div>
  );
}
