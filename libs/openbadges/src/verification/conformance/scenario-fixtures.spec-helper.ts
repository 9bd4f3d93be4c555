// Test-only helper: reads the shared conformance corpus (never used at run time).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FetchDocument, VerifyInput } from '../types';

import { CONFORMANCE_DIR } from '../../testing/conformance-dir';

export const SCENARIO_ROOT = join(CONFORMANCE_DIR, 'generated-scenarios');

export interface ScenarioManifest {
  name: string;
  description: string;
  input: { type: 'url' | 'json' | 'jws' | 'file'; value?: string; file?: string };
  recipientProfile?: Record<string, string | string[]>;
  http: Record<string, { file: string; status: number; contentType?: string }>;
  expected: { valid: boolean; failingTasks: string[] };
  note?: string;
}

export function listScenarios(): string[] {
  return JSON.parse(readFileSync(join(SCENARIO_ROOT, 'index.json'), 'utf8')) as string[];
}

export function loadManifest(name: string): ScenarioManifest {
  return JSON.parse(readFileSync(join(SCENARIO_ROOT, name, 'manifest.json'), 'utf8')) as ScenarioManifest;
}

/** Offline fetcher: serves exactly the manifest's `http` map from disk, 404 for anything else. */
export function scenarioFetcher(manifest: ScenarioManifest, log: string[] = []): FetchDocument {
  return async (url) => {
    log.push(url);
    const entry = manifest.http[url];
    if (!entry) return { status: 404, body: '' };
    return { status: entry.status, contentType: entry.contentType, body: readFileSync(join(SCENARIO_ROOT, entry.file), 'utf8') };
  };
}

export function scenarioInput(manifest: ScenarioManifest): VerifyInput {
  const { input } = manifest;
  if (input.type === 'file') return { image: new Uint8Array(readFileSync(join(SCENARIO_ROOT, input.file as string))) };
  if (input.type === 'json') return { json: input.value as string };
  if (input.type === 'jws') return { jws: input.value as string };
  return { url: input.value as string };
}

/**
 * `failingTasks` entries are prose-ish ("VALIDATE_PROPERTY issuedOn", "REPORT_MESSAGE: Could
 * not…", "(PR #246) PROCESS_410_GONE", "VALIDATE_PROPERTY email (Issuer)"): pull out the task
 * code and, when given, the property.
 */
export function parseFailingTask(task: string): { code: string; property?: string } {
  const m = /([A-Z][A-Z0-9_]{3,})(?:\s+([a-z][A-Za-z]*))?/.exec(task);
  if (!m) throw new Error(`Cannot parse failing task "${task}"`);
  return { code: m[1], property: m[2] };
}
