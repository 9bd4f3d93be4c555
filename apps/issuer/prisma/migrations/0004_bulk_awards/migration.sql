-- CreateTable
CREATE TABLE "issuer"."bulk_award_jobs" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "badgeClassId" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "sourceKind" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "correlationId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "bulk_award_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issuer"."bulk_award_rows" (
    "jobId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "naturalKey" TEXT,
    "input" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "assertionId" TEXT,
    "error" TEXT,

    CONSTRAINT "bulk_award_rows_pkey" PRIMARY KEY ("jobId","line")
);

-- CreateIndex
CREATE INDEX "bulk_award_jobs_status_idx" ON "issuer"."bulk_award_jobs"("status");

-- CreateIndex
CREATE UNIQUE INDEX "bulk_award_jobs_institutionId_id_key" ON "issuer"."bulk_award_jobs"("institutionId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "bulk_award_jobs_institutionId_idempotencyKey_key" ON "issuer"."bulk_award_jobs"("institutionId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "bulk_award_rows_jobId_status_idx" ON "issuer"."bulk_award_rows"("jobId", "status");

-- AddForeignKey
ALTER TABLE "issuer"."bulk_award_rows" ADD CONSTRAINT "bulk_award_rows_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "issuer"."bulk_award_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

