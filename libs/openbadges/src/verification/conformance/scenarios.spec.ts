import { verifyOpenBadge } from '../verify-open-badge';
import { listScenarios, loadManifest, parseFailingTask, scenarioFetcher, scenarioInput } from './scenario-fixtures.spec-helper';

/**
 * Scenarios this library does not verify yet. Covered by issue #5 (verification service):
 * - baked images (input.type === 'file'): unbaking is owned by libs/openbadges/src/baking; the
 *   service will unbake and call verifyOpenBadge with the extracted URL/JSON/JWS.
 * Each one is asserted to be reported INVALID here, so none of them can pass silently.
 */
const DEFERRED: Record<string, string> = {
  'baked-png-itxt-url': 'baked PNG (issue #5)',
  'baked-png-itxt-json': 'baked PNG (issue #5)',
  'baked-png-legacy-text-url': 'baked PNG (issue #5)',
  'baked-png-jws': 'baked PNG (issue #5)',
  'baked-svg-hosted': 'baked SVG (issue #5)',
  'baked-svg-jws': 'baked SVG (issue #5)',
  // Expected outcome (invalid, DETECT_INPUT_TYPE) is reached, but only because no image is
  // unbaked yet; it belongs with the other baked cases.
  'unbaked-png': 'baked PNG (issue #5)',
};

describe('conformance scenarios (generated-scenarios/*/manifest.json)', () => {
  const names = listScenarios();

  it('lists every scenario either as active or as deferred', () => {
    for (const name of Object.keys(DEFERRED)) expect(names).toContain(name);
  });

  describe.each(names.filter((n) => !DEFERRED[n]))('%s', (name) => {
    it('matches expected validity and failing tasks', async () => {
      const manifest = loadManifest(name);
      const result = await verifyOpenBadge(scenarioInput(manifest), {
        fetchDocument: scenarioFetcher(manifest),
        recipientProfile: manifest.recipientProfile,
      });
      const summary = result.report.messages.map((m) => `${m.level} ${m.code} ${m.property ?? ''} ${m.message}`);
      expect({ valid: result.report.valid, summary }).toEqual(expect.objectContaining({ valid: manifest.expected.valid }));
      for (const task of manifest.expected.failingTasks) {
        const { code, property } = parseFailingTask(task);
        const hit = result.report.messages.some((m) => m.level === 'ERROR' && m.code === code && (!property || m.property === property));
        expect({ task, hit, summary }).toEqual(expect.objectContaining({ hit: true }));
      }
    });
  });

  describe.each(Object.entries(DEFERRED))('deferred: %s (%s)', (name) => {
    it('is reported invalid, never silently valid', async () => {
      const manifest = loadManifest(name);
      const result = await verifyOpenBadge(scenarioInput(manifest), { fetchDocument: scenarioFetcher(manifest) });
      expect(result.report.valid).toBe(false);
      expect(result.report.messages.map((m) => m.code)).toContain('DETECT_INPUT_TYPE');
    });
  });
});
