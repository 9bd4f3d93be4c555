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
  '/admin/institutions/{id}/migrations/badgr': {
    post: op(TAG, 'Migrate from Badgr, the platform reading it itself (the console’s way; decision 0045)', {
      security: ADMIN,
      description: 'Signs in to Badgr with these credentials, starts the run and answers it; the reading and writing go on after. The password is held in memory for this run only, never stored; a run whose process stopped is `interrupted` at the next start.',
      parameters: [idParam('id')],
      requestBody: body('BadgrMigrationStartBody'),
      responses: {
        '202': { description: 'The run, started', content: json(ref('MigrationRun')) },
        '400': error('`validation_failed`'),
        '422': error('`invalid_credentials`: Badgr refused them; `bad_request`: Badgr could not be read. No run is started'),
        ...common,
      },
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
    post: op(TAG, 'End a migration run (idempotent): finished with the next run’s `nextSince`, or failed with why', {
      security: ADMIN,
      parameters: RUN,
      requestBody: body('MigrationRunFinishBody', false),
      responses: { '200': { description: 'The ended run', content: json(ref('MigrationRun')) }, '400': error('`validation_failed`'), ...common },
    }),
  },
  '/admin/institutions/{id}/migrations/{runId}/problems': {
    get: op(TAG, 'A migration run’s problems, in order: the items the platform skipped and what the importer met reading the source', {
      security: ADMIN,
      parameters: [...RUN, ...queryParameters('MigrationProblemQuery')],
      responses: { '200': { description: 'A page of problems', content: json(ref('MigrationProblemPage')) }, '400': error('`validation_failed`'), ...common },
    }),
  },
};
