// Scale for the read benchmark: copies of one real assertion row with new ids, inserted in batched
// `INSERT ... SELECT ... FROM generate_series` statements, so reads can be measured with 10,000
// and 1,000,000 assertions in the table. Works through the persistence library's Database handle
// (`query`), so the same code fills PostgreSQL and whatever embedded database the runner uses.

const CHUNK = 100_000;

/**
 * Copy number g's id: 14 hex characters of md5(g) then g in 8 digits. 22 characters of [0-9a-f],
 * so a valid entity id that never starts with '-'; unique because of the counter; the hash prefix
 * scatters the copies over the primary-key index the way random ids do.
 */
const COPY_ID_SQL = "substr(md5(g::text), 1, 14) || lpad(g::text, 8, '0')";

/** Every column of issuer.assertions, read from the catalogue so a new column is copied too. */
async function assertionColumns(db) {
  const rows = await db.query(
    "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'issuer' AND table_name = 'assertions' ORDER BY ordinal_position",
  );
  return rows.map((row) => row.name);
}

/**
 * Inserts copies of `templateId` until the table holds `total` rows. `copies` counts the copies
 * made so far (start at 0, pass the returned value next time). Returns what was inserted and how
 * long it took.
 */
export async function growAssertions(db, { templateId, total, copies }) {
  const [{ n: present }] = await db.query('SELECT count(*)::int AS n FROM "issuer"."assertions"');
  const wanted = Math.max(0, total - present);
  const columns = await assertionColumns(db);
  const quoted = columns.map((name) => `"${name}"`);
  const values = columns.map((name) => (name === 'id' ? COPY_ID_SQL : `a."${name}"`));
  const started = performance.now();
  for (let from = copies + 1; from <= copies + wanted; from += CHUNK) {
    const to = Math.min(copies + wanted, from + CHUNK - 1);
    await db.query(
      `INSERT INTO "issuer"."assertions" (${quoted.join(', ')})
       SELECT ${values.join(', ')} FROM "issuer"."assertions" a, generate_series($2::int, $3::int) g WHERE a.id = $1`,
      [templateId, from, to],
    );
  }
  const seconds = (performance.now() - started) / 1000;
  const [{ n: rows }] = await db.query('SELECT count(*)::int AS n FROM "issuer"."assertions"');
  if (rows !== Math.max(total, present)) throw new Error(`expected ${total} assertions after the insert, found ${rows}`);
  return { inserted: wanted, seconds, rows, copies: copies + wanted };
}
