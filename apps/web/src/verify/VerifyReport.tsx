import { badgeImageSource, type VerifyResult } from '../api/verify-api';
import { useI18n } from '../i18n/i18n-context';
import { formatDate } from '../shell/format';
import { recipientCheck, summarise, verdictOf } from './verdict';

interface Props {
  result: VerifyResult;
  /** The uploaded image, shown when the badge's own image is not at hand. */
  imagePreview?: string;
  expectedRecipient?: string;
}

/** The verdict first (banner), then the badge, the recipient check, endorsements and every problem. */
export function VerifyReport({ result, imagePreview, expectedRecipient }: Props) {
  const { t, lang } = useI18n();
  const { verdict, reason } = verdictOf(result);
  const badge = summarise(result);
  const recipient = recipientCheck(result);
  const errors = result.report.messages.filter((message) => message.level === 'ERROR');
  const warnings = result.report.messages.filter((message) => message.level === 'WARNING');
  const image = badge.image ? badgeImageSource(badge.image, window.location.origin) : imagePreview;
  const endorsements = result.report.endorsements ?? [];

  return (
    <>
      <div className={`verdict verdict-${verdict}`} data-verdict={verdict}>
        <p className="verdict-word">{t(`verify.verdict.${verdict}`)}</p>
        <p>{t(`verify.verdictLead.${verdict}`)}</p>
        {reason && <p className="verdict-reason">{reason}</p>}
      </div>

      {(badge.name || image) && (
        <div className="badge-summary">
          {image && <img src={image} alt={badge.name ?? t('verify.badge')} width={120} height={120} />}
          <dl>
            {badge.name && (
              <>
                <dt>{t('verify.badge')}</dt>
                <dd lang={badge.language}>{badge.name}</dd>
              </>
            )}
            {badge.issuerName && (
              <>
                <dt>{t('verify.issuer')}</dt>
                <dd>{badge.issuerUrl ? <a href={badge.issuerUrl}>{badge.issuerName}</a> : badge.issuerName}</dd>
              </>
            )}
            {badge.issuedOn && (
              <>
                <dt>{t('verify.issuedOn')}</dt>
                <dd>{formatDate(badge.issuedOn, lang)}</dd>
              </>
            )}
            {badge.expires && (
              <>
                <dt>{t('verify.expires')}</dt>
                <dd>{formatDate(badge.expires, lang)}</dd>
              </>
            )}
            {(badge.criteriaNarrative || badge.criteriaUrl) && (
              <>
                <dt>{t('verify.criteria')}</dt>
                <dd className="narrative" lang={badge.criteriaNarrative ? badge.language : undefined}>
                  {badge.criteriaNarrative ?? <a href={badge.criteriaUrl}>{badge.criteriaUrl}</a>}
                </dd>
              </>
            )}
            <dt>{t('verify.recipient')}</dt>
            <dd data-recipient-check={recipient ?? 'none'}>
              {recipient === 'passed' && t('verify.recipientPassed', { recipient: expectedRecipient ?? '' })}
              {recipient === 'failed' && t('verify.recipientFailed', { recipient: expectedRecipient ?? '' })}
              {!recipient && t('verify.recipientNotChecked')}
            </dd>
          </dl>
          {badge.assertionUrl && /^https?:/.test(badge.assertionUrl) && (
            <p>
              <a href={badge.assertionUrl}>{t('verify.viewBadge')}</a>
            </p>
          )}
        </div>
      )}

      {endorsements.length > 0 && (
        <>
          <h3>{t('verify.endorsements')}</h3>
          <ul className="endorsement-list">
            {endorsements.map((endorsement) => (
              <li key={endorsement.id}>
                {t('verify.endorsedBy', { name: endorsement.endorser?.name ?? endorsement.endorser?.id ?? '?' })} ({t(`verify.endorsementStatus.${endorsement.status}`)})
                {endorsement.comment && <q>{endorsement.comment}</q>}
                {endorsement.problems.length > 0 && (
                  <ul>
                    {endorsement.problems.map((problem) => (
                      <li key={problem}>{problem}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('verify.problems')}</h3>
      {errors.length === 0 ? (
        <p>{t('verify.noProblems')}</p>
      ) : (
        <ul className="problems">
          {errors.map((message, index) => (
            <li key={`${message.code}-${index}`} data-code={message.code}>
              {message.message}
            </li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <>
          <h3>{t('verify.warnings')}</h3>
          <ul className="warnings">
            {warnings.map((message, index) => (
              <li key={`${message.code}-${index}`} data-code={message.code}>
                {message.message}
              </li>
            ))}
          </ul>
        </>
      )}

      {result.report.steps && (
        <details>
          <summary>{t('verify.steps')}</summary>
          <ul className="steps">
            {result.report.steps.map((step) => (
              <li key={step.step}>
                {t('verify.stepLine', { title: step.title, status: t(`verify.stepStatus.${step.status}`) })}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
