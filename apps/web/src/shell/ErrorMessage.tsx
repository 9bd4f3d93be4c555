import { ApiRequestError } from '../api/client';
import { useI18n } from '../i18n/i18n-context';

/**
 * An error shown where it happened, announced by screen readers (role="alert"). Platform errors
 * carry a plain-language message, in English: English readers get it as it is (it is the most
 * precise), readers of another language get the catalogue's words for its code where there are
 * some. Network failures and rate limits (any page that signs in, signs up or verifies can meet
 * one) get our own words, in the reader's language.
 */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  let text: string;
  if (error instanceof ApiRequestError) text = apiErrorText(error, t, lang);
  else text = error instanceof Error ? error.message : String(error);
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}

/** A platform refusal with this code, in the reader's words instead of the platform's; any other error as it came. */
export function refusedAs(error: unknown, code: string, message: string): unknown {
  return error instanceof ApiRequestError && error.code === code ? new Error(message) : error;
}

/** The refusals said in the reader's words when they do not read English. */
const TRANSLATED_CODES = ['forbidden', 'unauthorized', 'not_found', 'institution_suspended', 'sso_required', 'invalid_credentials'] as const;
type TranslatedCode = (typeof TRANSLATED_CODES)[number];
const isTranslated = (code: string): code is TranslatedCode => (TRANSLATED_CODES as readonly string[]).includes(code);

function apiErrorText(error: ApiRequestError, t: ReturnType<typeof useI18n>['t'], lang: string): string {
  if (error.code === 'network_error') return t('common.errors.network');
  if (error.code === 'rate_limited') return t('common.errors.rateLimited', { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) });
  if (lang !== 'en' && isTranslated(error.code)) return t(`common.errors.codes.${error.code}`);
  return error.message || t('common.errors.unexpected', { code: error.code });
}
