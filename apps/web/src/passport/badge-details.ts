import type { VerifyResult } from '../api/verify-api';

export interface Evidence {
  url?: string;
  name?: string;
  narrative?: string;
}

export interface Alignment {
  name: string;
  url?: string;
  description?: string;
  framework?: string;
  code?: string;
}

/**
 * What the badge page shows beyond verify/verdict.ts's summary: the award's evidence and the badge
 * class's alignments, read from the OB 2.0 documents the verifier loaded (the backpack list does
 * not carry them).
 */
export function detailsOf(result: VerifyResult): { evidence: Evidence[]; alignments: Alignment[] } {
  const assertion = nodeOfType(result, 'Assertion');
  const badgeClass = nodeOfType(result, 'BadgeClass');
  const evidence = listOf(assertion?.evidence).flatMap((item): Evidence[] => {
    if (typeof item === 'string') return [{ url: item }];
    if (!item || typeof item !== 'object') return [];
    const fields = item as Record<string, unknown>;
    return [{ url: text(fields.id), name: text(fields.name), narrative: text(fields.narrative) }];
  });
  const alignments = listOf(badgeClass?.alignment).flatMap((item): Alignment[] => {
    const fields = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const name = text(fields.targetName);
    return name ? [{ name, url: text(fields.targetUrl), description: text(fields.targetDescription), framework: text(fields.targetFramework), code: text(fields.targetCode) }] : [];
  });
  return { evidence, alignments };
}

function nodeOfType(result: VerifyResult, type: string): Record<string, unknown> | undefined {
  return result.graph.find((node) => [node.type].flat().includes(type));
}

function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}
