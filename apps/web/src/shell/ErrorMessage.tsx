import { ApiRequestError } from '../api/client';
import { useI18n } from '../i18n/i18n-context';

/**
 * An error shown where it happened, announced by screen readers (role="alert"). Platform errors
 * already carry a plain-language message; only network failures need our own words.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  let text: string;
  if (error instanceof ApiRequestError) text = error.code === 'network_error' ? t('common.errors.network') : error.message || t('common.errors.unexpected', { code: error.code });
  else text = error instanceof Error ? error.message : String(error);
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}
