-- AlterTable
ALTER TABLE "issuer"."assertions" ADD COLUMN     "recipientName" TEXT;

