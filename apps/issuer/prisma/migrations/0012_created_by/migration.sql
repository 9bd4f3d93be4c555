-- AlterTable
ALTER TABLE "issuer"."assertions" ADD COLUMN     "createdBy" TEXT;

-- AlterTable
ALTER TABLE "issuer"."badge_classes" ADD COLUMN     "createdBy" TEXT;

-- AlterTable
ALTER TABLE "issuer"."bulk_award_jobs" ADD COLUMN     "createdBy" TEXT;

-- AlterTable
ALTER TABLE "issuer"."issuers" ADD COLUMN     "createdBy" TEXT;

