import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { parseAllDocuments } from 'yaml';

/** infra/k8s: base, data and the overlays an operator renders (decision 0051). */
export const K8S_DIR = join(__dirname, '..', '..', '..', 'infra', 'k8s');
export const OVERLAYS = readdirSync(join(K8S_DIR, 'overlays'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** What every rendered object has; the rest is read through the kind's model type. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** kubectl: KUBECTL, else the one on PATH (npm test installs Debian's when there is none). */
export function kubectl(): string {
  return process.env.KUBECTL || 'kubectl';
}

/** One overlay as `kubectl kustomize` renders it: what `kubectl apply -k` would send. */
export class Rendered {
  private constructor(readonly overlay: string, readonly all: readonly Manifest[]) {}

  static render(overlay: string): Rendered {
    const result = spawnSync(kubectl(), ['kustomize', join(K8S_DIR, 'overlays', overlay)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.error) {
      throw new Error(`cannot run ${kubectl()} (${result.error.message}): infra/k8s is rendered with \`kubectl kustomize\`. npm test installs Debian's kubernetes-client when no kubectl is found; or set KUBECTL.`);
    }
    if (result.status !== 0) throw new Error(`kubectl kustomize overlays/${overlay} failed:\n${result.stderr}`);
    const documents = parseAllDocuments(result.stdout);
    const problems = documents.flatMap((document) => document.errors.map((error) => error.message));
    if (problems.length > 0) throw new Error(`overlays/${overlay} rendered YAML that does not parse:\n${problems.join('\n')}`);
    return new Rendered(overlay, documents.map((document) => document.toJS() as Manifest).filter((manifest) => manifest !== null));
  }

  /** The namespace the overlay puts everything in. */
  get namespace(): string {
    const namespaces = [...new Set(this.all.map((manifest) => manifest.metadata.namespace))];
    if (namespaces.length !== 1 || !namespaces[0]) throw new Error(`overlays/${this.overlay} must put everything in one namespace, found ${namespaces.join(', ')}`);
    return namespaces[0];
  }

  ofKind<T>(kind: string): (T & Manifest)[] {
    return this.all.filter((manifest) => manifest.kind === kind) as (T & Manifest)[];
  }

  named<T>(kind: string, name: string): T & Manifest {
    const found = this.ofKind<T>(kind).find((manifest) => manifest.metadata.name === name);
    if (!found) throw new Error(`overlays/${this.overlay} renders no ${kind} named ${name}`);
    return found;
  }

  /** A name ending in kustomize's hash suffix (`badges-config-7f9…`) found by the name it was given. */
  generated<T>(kind: string, name: string): T & Manifest {
    const found = this.ofKind<T>(kind).filter((manifest) => manifest.metadata.name === name || new RegExp(`^${name}-[a-z0-9]{10}$`).test(manifest.metadata.name));
    if (found.length !== 1) throw new Error(`overlays/${this.overlay} renders ${found.length} ${kind}s generated from ${name}`);
    return found[0];
  }
}

/** Whether a label selector picks a pod with these labels. */
export function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  const wanted = Object.entries(selector ?? {});
  return wanted.length > 0 && wanted.every(([key, value]) => labels?.[key] === value);
}
