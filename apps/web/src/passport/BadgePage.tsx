import { Link, useNavigate, useParams } from 'react-router';

import type { BackpackAssertionV2 } from '@badges/api-contracts/types';

import { answerBadge } from '../api/passport-api';
import { useI18n } from '../i18n/i18n-context';
import { badgeTexts } from '../shell/badge-texts';
import { ErrorMessage } from '../shell/ErrorMessage';
import { formatDate } from '../shell/format';
import { Notice } from '../shell/Notice';
import { useAction } from '../shell/use-action';
import { usePageTitle } from '../shell/use-page-title';
import { summarise, verdictOf } from '../verify/verdict';
import { badgeStatus } from './BadgeCard';
import { detailsOf } from './badge-details';
import { Markdown } from './Markdown';
import { usePassportContext } from './passport-context';
import { SharePanel } from './SharePanel';
import { hasFetchableId, useVerification } from './use-verification';

/**
 * One badge, whole: what it says (criteria as rendered Markdown, evidence, alignments,
 * endorsements), whether it verifies right now, the learner's answer while it is pending, and
 * every way to share it once accepted.
 */
export function BadgePage() {
  const { t } = useI18n();
  const { id } = useParams();
  const { data } = usePassportContext();
  const badge = data.badges.find((candidate) => candidate.entityId === id && candidate.status !== 'declined');
  usePageTitle(badge ? badgeTexts(badge).name : t('common.notFound.title'));
  if (!badge) {
    return (
      <>
        <h1>{t('common.notFound.title')}</h1>
        <p>{t('passport.badge.notFound')}</p>
        <Link to="/passport">{t('passport.badge.back')}</Link>
      </>
    );
  }
  return <BadgeView badge={badge} />;
}

function BadgeView({ badge }: { badge: BackpackAssertionV2 }) {
  const { t, lang } = useI18n();
  const { token, reload } = usePassportContext();
  const navigate = useNavigate();
  const verification = useVerification(badge, token);
  const action = useAction();
  const status = badgeStatus(badge);
  const summary = verification.result ? summarise(verification.result) : undefined;
  const details = verification.result ? detailsOf(verification.result) : undefined;
  // The badge's own texts in the reader's language when it has them; else what the badge says.
  const texts = badgeTexts(badge);
  const description = texts.description ?? summary?.description;
  const criteriaNarrative = texts.criteriaNarrative ?? summary?.criteriaNarrative;

  const answer = (accept: boolean) =>
    action.run(async () => {
      await answerBadge(token, badge.entityId, accept);
      // A declined badge leaves the passport, so its page too.
      if (!accept) void navigate('/passport', { state: { notice: t('passport.badge.declined') } });
      await reload();
      return accept ? t('passport.badge.accepted') : undefined;
    });

  return (
    <article className="badge-page">
      <p>
        <Link to="/passport">{t('passport.badge.back')}</Link>
      </p>
      <div className="badge-head">
        <img src={badge.image} alt="" width={160} height={160} />
        <div>
          <h1 lang={texts.lang}>{texts.name}</h1>
          <p>
            <span className={`status status-${status}`}>{t(`passport.status.${status}`)}</span>
          </p>
          {badge.revoked && badge.revocationReason && <p className="error">{t('passport.revokedBecause', { reason: badge.revocationReason })}</p>}
        </div>
      </div>

      {badge.status === 'pending' && !badge.revoked && (
        <section className="card answer" aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t('passport.badge.answerHeading')}</h2>
          <p>{t('passport.badge.pendingLead')}</p>
          <div className="actions">
            <button type="button" disabled={action.busy} onClick={() => answer(true)}>
              {t('passport.pending.accept')}
            </button>
            <button type="button" className="secondary" disabled={action.busy} onClick={() => answer(false)}>
              {t('passport.pending.decline')}
            </button>
          </div>
        </section>
      )}
      <ErrorMessage error={action.error} />
      {/* The answer's buttons are gone once accepted: focus moves to the notice that says so. */}
      <Notice text={action.notice} takeFocus />

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t('passport.badge.details')}</h2>
        <dl>
          <dt>{t('passport.badge.issuer')}</dt>
          <dd>{summary?.issuerUrl ? <a href={summary.issuerUrl}>{badge.issuerName}</a> : badge.issuerName}</dd>
          <dt>{t('passport.badge.issuedOn')}</dt>
          <dd>{formatDate(badge.issuedOn, lang)}</dd>
          <dt>{t('passport.badge.expires')}</dt>
          <dd>{badge.expires ? formatDate(badge.expires, lang) : t('passport.badge.noExpiry')}</dd>
          {description && (
            <>
              <dt>{t('passport.badge.description')}</dt>
              <dd lang={texts.description ? texts.lang : undefined}>{description}</dd>
            </>
          )}
        </dl>
      </section>

      {(criteriaNarrative || summary?.criteriaUrl) && (
        <section aria-labelledby="criteria-heading">
          <h2 id="criteria-heading">{t('passport.badge.criteria')}</h2>
          {criteriaNarrative && <Markdown text={criteriaNarrative} />}
          {summary?.criteriaUrl && <a href={summary.criteriaUrl}>{t('passport.badge.criteriaLink')}</a>}
        </section>
      )}

      {details && details.evidence.length > 0 && (
        <section aria-labelledby="evidence-heading">
          <h2 id="evidence-heading">{t('passport.badge.evidence')}</h2>
          <ul>
            {details.evidence.map((item, index) => (
              <li key={index}>
                {item.url ? <a href={item.url}>{item.name ?? t('passport.badge.evidenceLink', { number: index + 1 })}</a> : item.name}
                {item.narrative && <Markdown text={item.narrative} />}
              </li>
            ))}
          </ul>
        </section>
      )}

      {details && details.alignments.length > 0 && (
        <section aria-labelledby="alignments-heading">
          <h2 id="alignments-heading">{t('passport.badge.alignments')}</h2>
          <ul>
            {details.alignments.map((alignment, index) => (
              <li key={index}>
                {alignment.url ? <a href={alignment.url}>{alignment.name}</a> : alignment.name}
                {(alignment.framework || alignment.code) && <span className="muted"> ({[alignment.framework, alignment.code].filter(Boolean).join(' · ')})</span>}
                {alignment.description && <p className="muted">{alignment.description}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {badge.endorsements.length > 0 && (
        <section aria-labelledby="endorsements-heading">
          <h2 id="endorsements-heading">{t('passport.badge.endorsements')}</h2>
          <ul>
            {badge.endorsements.map((endorsement) => (
              <li key={endorsement.url}>
                <a href={endorsement.url}>{t('passport.badge.endorsedBy', { name: endorsement.endorserName ?? t('passport.badge.unknownEndorser') })}</a>
                {endorsement.issuedOn && <span className="muted"> · {formatDate(endorsement.issuedOn, lang)}</span>}
                {endorsement.comment && <q>{endorsement.comment}</q>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="verification-heading">
        <h2 id="verification-heading">{t('passport.badge.verification')}</h2>
        <VerificationStatus verification={verification} />
        {/* The verifier page takes an address; a credential whose id is none is checked above, from the kept copy. */}
        {hasFetchableId(badge) && <a href={`/verify?url=${encodeURIComponent(badge.openBadgeId)}`}>{t('passport.badge.verifyLink')}</a>}
      </section>

      <SharePanel badge={badge} />
    </article>
  );
}

function VerificationStatus({ verification }: { verification: ReturnType<typeof useVerification> }) {
  const { t } = useI18n();
  if (verification.error) return <ErrorMessage error={verification.error} />;
  if (!verification.result) return <p role="status">{t('passport.badge.checking')}</p>;
  const { verdict, reason } = verdictOf(verification.result);
  return (
    <div className={`verdict verdict-${verdict}`} data-verdict={verdict} role="status">
      <p className="verdict-word">{t(`passport.badge.verdict.${verdict}`)}</p>
      {reason && <p className="verdict-reason">{reason}</p>}
    </div>
  );
}
