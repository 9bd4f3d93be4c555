/**
 * Fairness between institutions: "priority by tenant backlog".
 *
 * Open-source BullMQ has no per-group queues or per-group rate limits (those are BullMQ Pro),
 * and its `limiter` throttles the whole queue, so it would slow the victim along with the flood.
 * A queue per tenant (or per tenant bucket) means one blocking Redis connection per queue per
 * worker process, and buckets still let two tenants collide.
 *
 * Instead, each job gets priority = its rank in its institution's backlog (1 for the oldest
 * pending job, n for the n-th). BullMQ runs the lowest priority first, FIFO among equals, so
 * the workers take the 1st job of every tenant, then the 2nd of every tenant, and so on: a
 * round-robin across institutions that needs only one counter per active institution.
 * A flood of 10,000 jobs from A therefore delays B's single job by about one job per worker slot.
 *
 * Within one institution the order is only roughly FIFO: once some of its jobs finish, a new job
 * can rank level with older ones. Jobs must not depend on their order.
 *
 * The in-process runner uses the same rule over an in-memory heap, so both behave alike.
 */
export const PRIORITY_LIMIT = 2_097_152; // BullMQ's maximum (2^21)

/** The caller's priority (lower = sooner) is added to the rank, so it still orders a tenant's own jobs. */
export function fairPriority(backlogRank: number, requested = 0): number {
  return Math.min(PRIORITY_LIMIT, Math.max(1, backlogRank) + requested);
}
