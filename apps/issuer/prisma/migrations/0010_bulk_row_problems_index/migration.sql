-- Partly written by hand: Prisma's schema cannot declare a partial index.
-- The (jobId, status) index took an entry for every row on intake and another each time a row was
-- marked; only the row errors read by status, and they read failed and duplicate rows only. This
-- index holds just those, so storing and awarding a big job writes two index entries a row fewer.
DROP INDEX "issuer"."bulk_award_rows_jobId_status_idx";

CREATE INDEX "bulk_award_rows_problems_idx" ON "issuer"."bulk_award_rows" ("jobId", "line") WHERE "status" IN ('failed', 'duplicate');
