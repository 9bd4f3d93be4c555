import { openDatabase } from '../database/open-database';
import { databaseTargets } from '../testing/database-targets';
import { insertJsonRows } from './json-rows';

describe.each(databaseTargets())('insertJsonRows on $name', (target) => {
  it('inserts every row in one statement, keeps types exact and lets omitted columns take their defaults', async () => {
    const scratch = await target.create();
    const database = await openDatabase(scratch.config);
    try {
      await database.exec(`CREATE SCHEMA demo; CREATE TABLE demo.widgets (
        id text PRIMARY KEY, size int NOT NULL, ok boolean NOT NULL, at timestamptz(3) NOT NULL,
        note text, meta jsonb, colour text NOT NULL DEFAULT 'red')`);
      const at = new Date('2026-03-01T10:11:12.345Z');
      const rows = [
        { id: 'a', size: 1, ok: true, at, note: 'it\'s "quoted"\n', meta: { nested: [1, 'x'] } },
        { id: 'b', size: 2, ok: false, at, note: null, meta: null },
      ];
      const statement = insertJsonRows('demo', 'widgets', rows)!;
      expect(statement.params).toHaveLength(1);
      await database.query(statement.sql, statement.params);
      const stored = await database.query<Record<string, unknown>>('SELECT * FROM demo.widgets ORDER BY id');
      expect(stored).toEqual([
        { id: 'a', size: 1, ok: true, at, note: 'it\'s "quoted"\n', meta: { nested: [1, 'x'] }, colour: 'red' },
        { id: 'b', size: 2, ok: false, at, note: null, meta: null, colour: 'red' },
      ]);
    } finally {
      await database.close();
      await scratch.dispose();
    }
  });

  it('returns nothing to run for no rows, and refuses identifiers that are not plain names', () => {
    expect(insertJsonRows('demo', 'widgets', [])).toBeNull();
    expect(() => insertJsonRows('demo', 'widgets"; DROP TABLE x; --', [{ id: 'a' }])).toThrow(TypeError);
    expect(() => insertJsonRows('demo', 'widgets', [{ 'id" text': 'a' }])).toThrow(TypeError);
  });
});
