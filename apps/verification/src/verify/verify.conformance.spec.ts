import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { listScenarios, loadManifest, parseFailingTask, SCENARIO_ROOT, serveScenario, type ScenarioManifest } from '../testing/conformance-scenarios';
import { startVerificationTestApp, type VerificationTestApp } from '../testing/verification-test-app';

/**
 * The 63 conformance scenarios (../shared/conformance), each sent to POST /v2/verify in the form
 * a client would use (url, json text, compact JWS, multipart PNG, raw SVG body), with the
 * scenario's documents served by URL through the service's fetcher (cache off: scenarios reuse
 * URLs with different content). Each gets its expected verdict and failing tasks.
 */
describe('POST /v2/verify on the conformance scenarios', () => {
  let manifest: ScenarioManifest;
  let service: VerificationTestApp;

  beforeAll(async () => {
    service = await startVerificationTestApp({ VERIFY_CACHE_TTL_SECONDS: '0' }, { transport: async (url) => serveScenario(manifest, url) });
  });
  afterAll(() => service.close());

  it.each(listScenarios())('%s', async (name) => {
    manifest = loadManifest(name);
    const { status, json } = await send(service, manifest);
    expect(status).toBe(200);
    const summary = json.report.messages.map((m: { level: string; code: string; message: string }) => `${m.level} ${m.code} ${m.message}`);
    expect({ valid: json.report.valid, summary }).toEqual(expect.objectContaining({ valid: manifest.expected.valid }));
    for (const task of manifest.expected.failingTasks) {
      const { code, property } = parseFailingTask(task);
      const hit = json.report.messages.some((m: { level: string; code: string; property?: string }) => m.level === 'ERROR' && m.code === code && (!property || m.property === property));
      expect({ task, hit, summary }).toEqual(expect.objectContaining({ hit: true }));
    }
    expect(json.report.errorCount).toBe(json.report.messages.filter((m: { level: string }) => m.level === 'ERROR').length);
  });
});

function send(service: VerificationTestApp, manifest: ScenarioManifest) {
  const { input } = manifest;
  const expected_recipient = manifest.recipientProfile?.email;
  if (input.type === 'file') {
    const bytes = readFileSync(join(SCENARIO_ROOT, input.file as string));
    if (input.file?.endsWith('.svg')) return service.verify(bytes, 'image/svg+xml', expected_recipient ? `?expected_recipient=${encodeURIComponent(String(expected_recipient))}` : '');
    const boundary = 'conformance-boundary';
    const parts = [`--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="badge.png"\r\nContent-Type: image/png\r\n\r\n`];
    const body = Buffer.concat([Buffer.from(parts[0]), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return service.verify(body, `multipart/form-data; boundary=${boundary}`);
  }
  const field = input.type === 'url' ? { url: input.value } : { json: input.value };
  return service.verify({ ...field, ...(expected_recipient ? { expected_recipient } : {}) });
}
