import { listScenarios, loadManifest, scenarioFetcher, scenarioInput } from './conformance/scenario-fixtures.spec-helper';
import type { StepName, StepStatus } from './report-steps';
import { verifyOpenBadge } from './verify-open-badge';

async function stepsOf(name: string): Promise<{ valid: boolean; steps: Record<StepName, StepStatus> }> {
  const manifest = loadManifest(name);
  const result = await verifyOpenBadge(scenarioInput(manifest), { fetchDocument: scenarioFetcher(manifest), recipientProfile: manifest.recipientProfile });
  const steps = Object.fromEntries((result.report.steps ?? []).map((s) => [s.step, s.status])) as Record<StepName, StepStatus>;
  return { valid: result.report.valid, steps };
}

describe('report steps', () => {
  it('name every check of a valid hosted badge, and mark the signed one not applicable', async () => {
    expect((await stepsOf('hosted-valid')).steps).toEqual({
      DETECT_INPUT_TYPE: 'passed',
      FETCH_DOCUMENT: 'passed',
      JSONLD_COMPACT: 'passed',
      VALIDATE_PROPERTIES: 'passed',
      LINKED_NODES: 'passed',
      HOSTED_VERIFICATION: 'passed',
      SIGNED_VERIFICATION: 'not_applicable',
      REVOCATION_AND_EXPIRY: 'passed',
      RECIPIENT: 'not_applicable',
      LEGACY_UPGRADE: 'not_applicable',
    });
  });

  it.each([
    ['signed-revoked', 'REVOCATION_AND_EXPIRY', 'failed'],
    ['signed-valid', 'SIGNED_VERIFICATION', 'passed'],
    ['signed-wrong-key', 'SIGNED_VERIFICATION', 'failed'],
    ['hosted-expired', 'REVOCATION_AND_EXPIRY', 'failed'],
    ['hosted-recipient-profile-mismatch', 'RECIPIENT', 'failed'],
    ['hosted-recipient-profile-match', 'RECIPIENT', 'passed'],
    ['hosted-startswith-mismatch', 'HOSTED_VERIFICATION', 'failed'],
    ['legacy-1.0-hosted-with-email', 'LEGACY_UPGRADE', 'warning'],
    ['unbaked-png', 'FETCH_DOCUMENT', 'skipped'],
  ] as const)('%s: %s is %s', async (name, step, status) => {
    expect((await stepsOf(name)).steps[step]).toBe(status);
  });

  it('a badge is valid exactly when no step failed, in every scenario', async () => {
    for (const name of listScenarios()) {
      const { valid, steps } = await stepsOf(name);
      expect({ name, valid }).toEqual({ name, valid: !Object.values(steps).includes('failed') });
    }
  });
});
