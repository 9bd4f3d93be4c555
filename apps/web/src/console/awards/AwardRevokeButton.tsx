import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

import type { AssertionV2 } from '@badges/api-contracts/types';

import { revokeAssertion } from '../../api/console-api';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorMessage } from '../../shell/ErrorMessage';
import { useAction } from '../../shell/use-action';
import { closeOnEscape } from '../../shell/close-on-escape';
import { useFocusWhen } from '../../shell/use-focus-when';
import { useConsoleSession } from '../console-session';

/**
 * Revokes one award from the list, in two steps: "Revoke" opens the reason, which the second
 * button confirms. A revocation cannot be undone, so it is never one click. Opening puts focus in
 * the reason; Cancel or Escape closes it and focus returns to "Revoke".
 */
export function AwardRevokeButton({ award, onRevoked }: { award: AssertionV2; onRevoked(): Promise<unknown> }) {
  const { t } = useI18n();
  const { token } = useConsoleSession();
  const id = useId();
  const action = useAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const who = award.recipientName ?? t('console.awards.unnamed');
  const revokeRef = useFocusWhen<HTMLButtonElement>(!open);
  const reasonRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) reasonRef.current?.focus();
  }, [open]);


  async function confirm(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      await revokeAssertion(token, award.entityId, reason.trim());
      setOpen(false);
      await onRevoked();
    });
  }

  if (!open) {
    return (
      <button ref={revokeRef} type="button" className="secondary" aria-label={t('console.awards.revokeNamed', { name: who })} onClick={() => setOpen(true)}>
        {t('console.assertions.revoke')}
      </button>
    );
  }
  return (
    <form className="form revoke-inline" onSubmit={confirm} onKeyDown={closeOnEscape(() => setOpen(false))} aria-label={t('console.awards.revokeNamed', { name: who })}>
      <label htmlFor={`${id}-reason`}>{t('console.assertions.reason')}</label>
      <input ref={reasonRef} id={`${id}-reason`} required value={reason} onChange={(event) => setReason(event.target.value)} />
      <p className="muted">{t('console.awards.revokeWarning')}</p>
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          {t('console.awards.confirmRevoke')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('common.actions.cancel')}
        </button>
      </div>
    </form>
  );
}
