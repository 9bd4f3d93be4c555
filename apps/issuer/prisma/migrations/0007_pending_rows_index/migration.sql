-- Written by hand: Prisma's schema cannot declare a partial index.
-- Claiming a bulk award's next chunk (status = 'pending' ORDER BY line LIMIT 500) read every
-- pending row of the job and sorted them, once per chunk: quadratic in the job's size. With this
-- index it reads the first 500 pending rows in order and nothing else.
CREATE INDEX "bulk_award_rows_pending_idx" ON "issuer"."bulk_award_rows" ("jobId", "line") WHERE "status" = 'pending';
