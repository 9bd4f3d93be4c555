import path from 'node:path';

/**
 * Test-only: the shared conformance corpus lies beside the repository checkout (`../shared`),
 * in CI as on a developer's machine; CONFORMANCE_DIR overrides. Never used at run time.
 */
export const CONFORMANCE_DIR = process.env['CONFORMANCE_DIR'] ?? path.resolve(__dirname, '../../../../../shared/conformance');
