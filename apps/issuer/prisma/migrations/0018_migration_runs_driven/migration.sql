-- AlterTable
ALTER TABLE "issuer"."migration_run_problems" ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'platform',
ADD COLUMN     "severity" TEXT NOT NULL DEFAULT 'error';

-- AlterTable
ALTER TABLE "issuer"."migration_runs" ADD COLUMN     "driver" TEXT NOT NULL DEFAULT 'importer',
ADD COLUMN     "failure" TEXT,
ADD COLUMN     "nextSince" TIMESTAMPTZ(3);


-- Hand-written (Prisma has no CHECK): a run's new statuses and driver, a problem's origin and severity (decision 0045).
ALTER TABLE "issuer"."migration_runs" DROP CONSTRAINT "migration_runs_status_check";
ALTER TABLE "issuer"."migration_runs" ADD CONSTRAINT "migration_runs_status_check" CHECK ("status" IN ('running', 'finished', 'failed', 'interrupted'));
ALTER TABLE "issuer"."migration_runs" ADD CONSTRAINT "migration_runs_driver_check" CHECK ("driver" IN ('importer', 'platform'));
ALTER TABLE "issuer"."migration_run_problems" ADD CONSTRAINT "migration_run_problems_origin_check" CHECK ("origin" IN ('platform', 'source'));
ALTER TABLE "issuer"."migration_run_problems" ADD CONSTRAINT "migration_run_problems_severity_check" CHECK ("severity" IN ('error', 'warning'));
