import { queryParameters } from '@badges/api-contracts';

import { ADMIN, body, error, idParam, json, op, ref, type PathItems } from './operations';

const TAG = ['Operator'];
const RUN = [idParam('id'), idParam('runId')];
const common = { '401': error('`unauthorized`: wrong or missing ADMIN_TOKEN'), '404': error('`not_found`: no such institution or run') };

/** Migration runs (issue #18, decision 0044): what the CLI and the console drive, forwarded to the issuer service. */
export const MIGRATION_PATHS: PathItems = {
  '/admin/institutions/{id}/migrations': {
    post: op(TAG, 'Start a migration run into an institution (records from another badge platform, every id kept)', {
      security: ADMIN,
      parameters: [idParam('id')],
      requestBody: body('MigrationRunStartBody', false),
      responses: { '201': { description: 'The run', content: json(ref('MigrationRun')) }, '400': error('`validation_failed`'), ...common },
    }),
    get: op(TAG, 'The institution’s latest migration runs, newest first, with their counts', {
      security: ADMIN,
      parameters: [idParam('id')],
      responses: { '200': { description: 'Runs', content: json(ref('MigrationRunList')) }, ...common },
    }),
  },
  '/admin/institutions/{id}/migrations/{runId}': {
    get: op(TAG, 'A migration run: status, options and counts per record kind and outcome', {
      security: ADMIN,
      parameters: RUN,
      responses: { '200': { description: 'The run', content: json(ref('MigrationRun')) }, ...common },
    }),
  },
  '/admin/institutions/{id}/migrations/{runId}/batches': {
    post: op(TAG, 'Write a batch of migration records: each answered created, unchanged, updated or skipped (with a code); no item stops the run', {
      security: ADMIN,
      description: 'Issuers, then badge classes, then assertions (libs/api-contracts migration-records.contract.ts); at most 1,000 per kind and 2 MiB. A dry run answers the same and writes nothing.',
      parameters: RUN,
      requestBody: body('MigrationBatchBody'),
      responses: {
        '200': { description: 'One answer per record, and the run’s counts', content: json(ref('MigrationBatchResult')) },
        '400': error('`validation_failed`: the batch is not three arrays'),
        '409': error('`conflict`: the run is finished'),
        ...common,
      },
    }),
  },
  '/admin/institutions/{id}/migrations/{runId}/finish': {
    post: op(TAG, 'Finish a migration run (idempotent)', {
      security: ADMIN,
      parameters: RUN,
      responses: { '200': { description: 'The finished run', content: json(ref('MigrationRun')) }, ...common },
    }),
  },
  '/admin/institutions/{id}/migrations/{runId}/problems': {
    get: op(TAG, 'The items a migration run skipped, in order: source id, kind, code and message', {
      security: ADMIN,
      parameters: [...RUN, ...queryParameters('MigrationProblemQuery')],
      responses: { '200': { description: 'A page of problems', content: json(ref('MigrationProblemPage')) }, '400': error('`validation_failed`'), ...common },
    }),
  },
};
