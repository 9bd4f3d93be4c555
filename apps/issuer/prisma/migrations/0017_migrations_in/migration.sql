-- AlterTable
ALTER TABLE "issuer"."assertions" ADD COLUMN     "documentId" TEXT,
ADD COLUMN     "migrationDigest" TEXT;

-- AlterTable
ALTER TABLE "issuer"."badge_classes" ADD COLUMN     "documentId" TEXT,
ADD COLUMN     "migrationDigest" TEXT;

-- AlterTable
ALTER TABLE "issuer"."issuers" ADD COLUMN     "documentId" TEXT,
ADD COLUMN     "migrationDigest" TEXT;

-- CreateTable
CREATE TABLE "issuer"."migration_runs" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "dryRun" BOOLEAN NOT NULL,
    "overwrite" BOOLEAN NOT NULL,
    "since" TIMESTAMPTZ(3),
    "counts" JSONB NOT NULL,
    "plannedParents" JSONB NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "migration_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issuer"."migration_run_problems" (
    "runId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "migration_run_problems_pkey" PRIMARY KEY ("runId","seq")
);

-- CreateIndex
CREATE INDEX "migration_runs_institutionId_startedAt_idx" ON "issuer"."migration_runs"("institutionId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "migration_runs_institutionId_id_key" ON "issuer"."migration_runs"("institutionId", "id");

-- AddForeignKey
ALTER TABLE "issuer"."migration_runs" ADD CONSTRAINT "migration_runs_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "issuer"."institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."migration_run_problems" ADD CONSTRAINT "migration_run_problems_runId_fkey" FOREIGN KEY ("runId") REFERENCES "issuer"."migration_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Hand-written (Prisma has no CHECK): a run's status and a problem's record kind.
ALTER TABLE "issuer"."migration_runs" ADD CONSTRAINT "migration_runs_status_check" CHECK ("status" IN ('running', 'finished'));
ALTER TABLE "issuer"."migration_run_problems" ADD CONSTRAINT "migration_run_problems_kind_check" CHECK ("kind" IN ('issuer', 'badgeClass', 'assertion', 'staff'));
