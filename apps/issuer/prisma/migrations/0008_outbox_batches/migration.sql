-- The outbox holds batches of events (decision 0017). Hand-edited: events not yet published move
-- over as one-event batches, in their order, before the old table goes.

-- CreateTable
CREATE TABLE "issuer"."OutboxBatch" (
    "seq" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "envelopes" JSON NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OutboxBatch_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "OutboxBatch_publishedAt_seq_idx" ON "issuer"."OutboxBatch"("publishedAt", "seq");

-- Carry over unpublished events
INSERT INTO "issuer"."OutboxBatch" ("topic", "eventCount", "envelopes", "createdAt", "attempts")
SELECT "topic", 1, json_build_array("envelope"), "createdAt", "attempts"
FROM "issuer"."OutboxEvent" WHERE "publishedAt" IS NULL ORDER BY "seq";

-- DropTable
DROP TABLE "issuer"."OutboxEvent";
