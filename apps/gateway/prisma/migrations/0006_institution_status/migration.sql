-- AlterTable
ALTER TABLE "gateway"."institutions" ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'active',
ADD COLUMN     "suspendedAt" TIMESTAMPTZ(3),
ADD COLUMN     "suspendedReason" TEXT;


-- Hand-written (Prisma's schema language has no CHECK constraints; schema.prisma documents them):
-- the status is one of INSTITUTION_STATUSES, and a suspended institution says since when.
ALTER TABLE "gateway"."institutions" ADD CONSTRAINT "institutions_status_check" CHECK ("status" IN ('active', 'suspended'));
ALTER TABLE "gateway"."institutions" ADD CONSTRAINT "institutions_suspension_check" CHECK (("status" = 'suspended') = ("suspendedAt" IS NOT NULL));
