-- AlterTable
ALTER TABLE "passport"."awards" ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'platform';

-- CreateIndex
CREATE INDEX "awards_assertionUrl_idx" ON "passport"."awards"("assertionUrl");

