-- AlterTable
ALTER TABLE "notification"."email_deliveries" ALTER COLUMN "assertionId" DROP NOT NULL;

