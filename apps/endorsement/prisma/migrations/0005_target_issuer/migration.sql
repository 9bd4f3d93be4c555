-- AlterTable
ALTER TABLE "endorsement"."endorsement_requests" ADD COLUMN     "targetIssuerId" TEXT;

