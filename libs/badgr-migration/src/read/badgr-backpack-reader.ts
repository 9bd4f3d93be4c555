import type { MigrationBackpack, MigrationBackpackItem, MigrationCollection, MigrationItemProblem } from '@badges/api-contracts';

import { BadgrBackpackAssertionSchema, BadgrCollectionSchema, BadgrUserSchema } from '../badgr/badgr-shapes';
import { BadgrReadError } from '../client/badgr-read-error';
import type { BadgrSession } from '../client/badgr-session';
import { mapBackpackItem, mapCollection } from '../mapping/backpack.mapper';
import { parseItem, type Mapped } from '../mapping/mapped';

export interface BadgrBackpackRead {
  readonly backpack: MigrationBackpack;
  readonly problems: MigrationItemProblem[];
}

/**
 * One learner's backpack, read in a session signed in with their own Badgr credentials (that is
 * their consent). Badgr lists expired, revoked and pending badges only when asked, so we ask; it
 * never lists the ones the learner declined (Rejected), so those cannot come over.
 */
export async function readBadgrBackpack(session: BadgrSession): Promise<BadgrBackpackRead> {
  const user = BadgrUserSchema.safeParse((await required(session, '/v2/users/self'))[0]);
  if (!user.success) throw new BadgrReadError('unexpected_response', '/v2/users/self did not answer with a Badgr user.');
  const problems: MigrationItemProblem[] = [];
  const items = collect(
    await required(session, '/v2/backpack/assertions?include_expired=true&include_revoked=true&include_pending=true'),
    problems,
    (raw): Mapped<MigrationBackpackItem> => {
      const parsed = parseItem(BadgrBackpackAssertionSchema, raw, 'backpackItem');
      return 'problem' in parsed ? { record: null, problems: [parsed.problem] } : mapBackpackItem(parsed.value);
    },
  );
  const itemIds = new Set(items.map((item) => item.sourceId));
  const collections = collect(await required(session, '/v2/backpack/collections'), problems, (raw): Mapped<MigrationCollection> => {
    const parsed = parseItem(BadgrCollectionSchema, raw, 'collection');
    return 'problem' in parsed ? { record: null, problems: [parsed.problem] } : mapCollection(parsed.value, itemIds);
  });
  const { entityId, firstName, lastName, emails } = user.data;
  const learner = { sourceId: entityId, firstName, lastName, verifiedEmails: emails.filter((e) => e.verified).map((e) => e.email) };
  return { backpack: { learner, items, collections }, problems };
}

async function required(session: BadgrSession, path: string): Promise<unknown[]> {
  const page = await session.get(path);
  if (page === null) throw new BadgrReadError('unexpected_response', `${session.connection.url(path)} answered 404.`);
  return page.envelope.result;
}

function collect<T>(raws: unknown[], problems: MigrationItemProblem[], map: (raw: unknown) => Mapped<T>): T[] {
  const records: T[] = [];
  for (const raw of raws) {
    const mapped = map(raw);
    problems.push(...mapped.problems);
    if (mapped.record !== null) records.push(mapped.record);
  }
  return records;
}
