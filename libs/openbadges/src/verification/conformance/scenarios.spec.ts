import { verifyOpenBadge } from '../verify-open-badge';
import { listScenarios, loadManifest, parseFailingTask, scenarioFetcher, scenarioInput } from './scenario-fixtures.spec-helper';

/**
 * Every generated scenario (hosted, signed, baked PNG/SVG, legacy 0.5/1.0/1.1, endorsements) gets
 * the verdict its manifest expects, and each expected failing task appears as an ERROR.
 * Where the 1EdTech referee disagrees, `expected` wins (see SOURCES.md and each manifest's note).
 */
describe('conformance scenarios (generated-scenarios/*/manifest.json)', () => {
  const names = listScenarios();

  it('covers all 63 scenarios', () => {
    expect(names.length).toBe(63);
  });

  describe.each(names)('%s', (name) => {
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
});
