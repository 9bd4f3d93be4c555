-- AlterTable
ALTER TABLE "notification"."email_deliveries" ADD COLUMN     "leaseId" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "notification"."webhook_deliveries" ADD COLUMN     "leaseId" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMPTZ(3);

