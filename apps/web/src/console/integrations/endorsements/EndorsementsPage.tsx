import { useCallback } from 'react';

import { ApiRequestError } from '../../../api/client';
import type { EndorsementRequestV2, EndorsementV2, EndorserProfileV2 } from '@badges/api-contracts/types';

import { endorsementRequests, endorsements, ownEndorserProfile, publishedEndorsers } from '../../../api/integrations-api';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorMessage } from '../../../shell/ErrorMessage';
import { usePageTitle } from '../../../shell/use-page-title';
import { useLoaded } from '../use-loaded';
import { AskForm } from './AskForm';
import { EndorsementList } from './EndorsementList';
import { EndorserProfileForm } from './EndorserProfileForm';
import { ReceivedRequests } from './ReceivedRequests';
import { SentRequests } from './SentRequests';

/** Everything the console shows about endorsements, loaded together so one answer refreshes all. */
async function loadEndorsements(token: string) {
  const [profile, endorsers, received, sent, ofUs, byUs] = await Promise.all([
    // 404 until the institution publishes its Profile: that is "none yet", not an error.
    ownEndorserProfile(token).catch((error: unknown) => {
      if (error instanceof ApiRequestError && error.status === 404) return null;
      throw error;
    }),
    publishedEndorsers(token),
    endorsementRequests(token, 'endorser'),
    endorsementRequests(token, 'requester'),
    endorsements(token, 'requester'),
    endorsements(token, 'endorser'),
  ]);
  return { profile: profile as EndorserProfileV2 | null, endorsers, received, sent, ofUs: namedFrom(ofUs, sent), byUs: namedFrom(byUs, received) };
}

/** An Endorsement's target carries no name; the request it answered does, so staff read a name, not a URL. */
function namedFrom(issued: EndorsementV2[], requests: EndorsementRequestV2[]): EndorsementV2[] {
  return issued.map((endorsement) => {
    const name = endorsement.target.name ?? requests.find((request) => request.entityId === endorsement.request)?.target.name;
    return name ? { ...endorsement, target: { ...endorsement.target, name } } : endorsement;
  });
}

const NOTHING: Awaited<ReturnType<typeof loadEndorsements>> = { profile: null, endorsers: [], received: [], sent: [], ofUs: [], byUs: [] };

export function EndorsementsPage({ token }: { token: string }) {
  const { t } = useI18n();
  usePageTitle(t('consoleIntegrations.endorsements.title'));
  const load = useCallback(() => loadEndorsements(token), [token]);
  const { data, error, loading, reload } = useLoaded(load, NOTHING);
  const endorserName = (institution: string) => data.endorsers.find((each) => each.institution === institution)?.name ?? null;

  return (
    <section aria-labelledby="endorsements-heading">
      <h2 id="endorsements-heading">{t('consoleIntegrations.endorsements.title')}</h2>
      <p>{t('consoleIntegrations.endorsements.intro')}</p>
      <ErrorMessage error={error} />
      {loading ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <ReceivedRequests token={token} requests={data.received} onAnswered={reload} />
          <AskForm token={token} endorsers={data.endorsers} onSent={reload} />
          <SentRequests requests={data.sent} endorserName={(institution) => endorserName(institution) ?? institution} />
          <EndorsementList
            token={token}
            heading={t('consoleIntegrations.endorsements.issued.heading')}
            headingId="endorsements-of-us"
            endorsements={data.ofUs}
            endorserName={endorserName}
            onWithdrawn={reload}
          />
          <EndorsementList
            token={token}
            heading={t('consoleIntegrations.endorsements.issued.given')}
            headingId="endorsements-by-us"
            endorsements={data.byUs}
            endorserName={() => data.profile?.name ?? null}
            onWithdrawn={reload}
          />
          <EndorserProfileForm token={token} profile={data.profile} onSaved={reload} />
        </>
      )}
    </section>
  );
}
