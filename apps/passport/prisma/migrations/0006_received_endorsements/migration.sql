-- CreateTable
CREATE TABLE "passport"."received_endorsements" (
    "id" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "endorserName" TEXT,
    "comment" TEXT,
    "issuedOn" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "received_endorsements_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "received_endorsements_targetType_targetId_idx" ON "passport"."received_endorsements"("targetType", "targetId");

