-- AlterTable
ALTER TABLE "notification"."email_deliveries" ADD COLUMN     "issuerId" TEXT;

