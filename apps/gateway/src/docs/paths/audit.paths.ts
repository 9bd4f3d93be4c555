import { queryParameters } from '@badges/api-contracts';

import { clientOp, ok, type PathItems } from './operations';

const TAG = 'Audit trail';

/** The institution's audit trail (apps/gateway/src/audit); a `manage` token only. Reads only: nothing can change an entry. */
export const AUDIT_PATHS: PathItems = {
  '/v2/audit': {
    get: clientOp(
      TAG,
      'Who changed what: every change to the institution’s issuers, badge classes, awards, bulk awards, signing keys, endorsements and API clients, newest first',
      { '200': ok('A page of entries; `pagination.nextResults` is the next page’s URL (null on the last)', 'AuditEntry') },
      { parameters: queryParameters('AuditQuery') },
    ),
  },
  '/v2/audit/export.csv': {
    get: clientOp(
      TAG,
      'The entries the filters match, all of them, as CSV in the list’s order (free-text cells are formula-neutralised)',
      {
        '200': {
          description: 'CSV: `occurred_at, action, actor, target_type, target_id, correlation_id, changes` (JSON), `entry_id, event_id`',
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
      },
      { parameters: queryParameters('AuditFilter') },
    ),
  },
};
