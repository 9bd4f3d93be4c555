-- CreateTable
CREATE TABLE "issuer"."assertion_engagements" (
    "assertionId" TEXT NOT NULL,
    "engagement" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "badgeClassId" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "assertion_engagements_pkey" PRIMARY KEY ("assertionId","engagement")
);

-- CreateIndex
CREATE INDEX "assertion_engagements_institutionId_badgeClassId_engagement_idx" ON "issuer"."assertion_engagements"("institutionId", "badgeClassId", "engagement", "occurredAt");

-- CreateIndex
CREATE INDEX "assertion_engagements_institutionId_issuerId_engagement_occ_idx" ON "issuer"."assertion_engagements"("institutionId", "issuerId", "engagement", "occurredAt");

-- CreateIndex
CREATE INDEX "assertions_institutionId_badgeClassId_revokedAt_idx" ON "issuer"."assertions"("institutionId", "badgeClassId", "revokedAt");

-- CreateIndex
CREATE INDEX "assertions_institutionId_issuerId_revokedAt_idx" ON "issuer"."assertions"("institutionId", "issuerId", "revokedAt");


-- Hand-written (Prisma has no CHECK): the two engagements the passport announces.
ALTER TABLE "issuer"."assertion_engagements" ADD CONSTRAINT "assertion_engagements_engagement_check" CHECK ("engagement" IN ('accepted', 'shared'));
