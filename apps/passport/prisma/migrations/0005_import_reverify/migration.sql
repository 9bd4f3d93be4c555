-- AlterTable
ALTER TABLE "passport"."awards" ADD COLUMN     "lastVerifiedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "awards_origin_lastVerifiedAt_idx" ON "passport"."awards"("origin", "lastVerifiedAt");

