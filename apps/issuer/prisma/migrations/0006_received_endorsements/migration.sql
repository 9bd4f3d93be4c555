-- CreateTable
CREATE TABLE "issuer"."received_endorsements" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "endorserName" TEXT,
    "endorserUrl" TEXT,
    "comment" TEXT,
    "issuedOn" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "received_endorsements_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "received_endorsements_targetType_targetId_idx" ON "issuer"."received_endorsements"("targetType", "targetId");

