import type { MigrationItemProblem } from '@badges/api-contracts';

import { problem, type ItemKind } from './mapped';

/** The platform stores no OB extensions: an item that has some is carried, and says what it lost. */
export function extensionsWarning(kind: ItemKind, sourceId: string, extensions: Record<string, unknown> | null | undefined): MigrationItemProblem[] {
  const names = Object.keys(extensions ?? {});
  if (names.length === 0) return [];
  return [problem(kind, sourceId, 'extensions_dropped', `Its extensions are not carried: ${names.join(', ')}.`, 'warning')];
}
