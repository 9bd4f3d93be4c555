// Test-only: reads the shared conformance corpus (../shared/conformance beside the checkout, or
// CONFORMANCE_DIR), as libs/openbadges' own conformance spec does. Never used at run time.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { FetchedDocument } from '@badges/openbadges';

export const SCENARIO_ROOT = join(process.env['CONFORMANCE_DIR'] ?? resolve(__dirname, '../../../../../shared/conformance'), 'generated-scenarios');

export interface ScenarioManifest {
  input: { type: 'url' | 'json' | 'jws' | 'file'; value?: string; file?: string };
  recipientProfile?: Record<string, string | string[]>;
  http: Record<string, { file: string; status: number; contentType?: string }>;
  expected: { valid: boolean; failingTasks: string[] };
}

export function listScenarios(): string[] {
  return JSON.parse(readFileSync(join(SCENARIO_ROOT, 'index.json'), 'utf8')) as string[];
}

export function loadManifest(name: string): ScenarioManifest {
  return JSON.parse(readFileSync(join(SCENARIO_ROOT, name, 'manifest.json'), 'utf8')) as ScenarioManifest;
}

/** Serves exactly the manifest's `http` map, 404 for anything else. */
export function serveScenario(manifest: ScenarioManifest, url: string): FetchedDocument {
  const entry = manifest.http[url];
  if (!entry) return { status: 404, body: '' };
  return { status: entry.status, contentType: entry.contentType, body: readFileSync(join(SCENARIO_ROOT, entry.file), 'utf8') };
}

/** "VALIDATE_PROPERTY issuedOn", "(PR #246) PROCESS_410_GONE": the task code and the property, if named. */
export function parseFailingTask(task: string): { code: string; property?: string } {
  const m = /([A-Z][A-Z0-9_]{3,})(?:\s+([a-z][A-Za-z]*))?/.exec(task);
  if (!m) throw new Error(`Cannot parse failing task "${task}"`);
  return { code: m[1], property: m[2] };
}
