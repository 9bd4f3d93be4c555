import type { MigrationAssertion, MigrationItemProblem } from '@badges/api-contracts';

import { packBatches } from './batch-packer';

const record = (n: number, padding = 0) => ({ sourceId: `a${n}`, narrative: 'x'.repeat(padding) }) as unknown as MigrationAssertion;
const problem = (kind: MigrationItemProblem['kind']): MigrationItemProblem => ({ kind, sourceId: 'p1', severity: 'error', code: 'invalid_date', message: 'm' });

describe('packBatches', () => {
  it('cuts a page at the record limit and at the byte limit, in order, with the page’s problems on the first batch only', () => {
    const page = { kind: 'assertions' as const, records: Array.from({ length: 5 }, (_, n) => record(n)), problems: [problem('assertion')] };
    const byCount = packBatches(page, 2);
    expect(byCount.map((batch) => (batch.assertions as MigrationAssertion[]).map((r) => r.sourceId))).toEqual([['a0', 'a1'], ['a2', 'a3'], ['a4']]);
    expect(byCount.map((batch) => batch.sourceProblems?.length ?? 0)).toEqual([1, 0, 0]);

    const heavy = { kind: 'assertions' as const, records: [record(0, 600), record(1, 600), record(2, 10)], problems: [] };
    expect(packBatches(heavy, 1000, 1000).map((batch) => (batch.assertions as MigrationAssertion[]).length)).toEqual([1, 2]);
  });

  it('still sends a page whose items were all left out, for its problems, and drops the kinds a run does not hold', () => {
    expect(packBatches({ kind: 'assertions', records: [], problems: [problem('assertion'), problem('collection')] })).toEqual([{ assertions: [], sourceProblems: [problem('assertion')] }]);
    expect(packBatches({ kind: 'issuers', records: [], problems: [] })).toEqual([]);
  });
});
