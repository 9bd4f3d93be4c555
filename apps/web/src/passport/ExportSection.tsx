import { exportPassport } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { ErrorMessage } from '../shell/ErrorMessage';
import { useAction } from '../shell/use-action';

/** The zip comes with the learner's token, so it is fetched and handed to the browser as a file. */
export function ExportSection({ token }: { token: string }) {
  const { t } = useI18n();
  const action = useAction();
  const download = () =>
    action.run(async () => {
      const blob = await exportPassport(token);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'passport.zip';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t('passport.exporting.heading')}</h2>
      <p>{t('passport.exporting.help')}</p>
      <button type="button" disabled={action.busy} onClick={download}>
        {t('passport.exporting.button')}
      </button>
      <ErrorMessage error={action.error} />
    </section>
  );
}
