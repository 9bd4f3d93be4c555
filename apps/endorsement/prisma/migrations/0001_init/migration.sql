-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "endorsement";

-- CreateTable
CREATE TABLE "endorsement"."endorser_profiles" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "endorser_profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "endorsement"."endorsement_requests" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "endorserInstitutionId" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetUrl" TEXT NOT NULL,
    "targetName" TEXT NOT NULL,
    "message" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "endorsement_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "endorsement"."endorsements" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "endorserInstitutionId" TEXT NOT NULL,
    "endorserProfileId" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetUrl" TEXT NOT NULL,
    "comment" TEXT,
    "issuedOn" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revocationReason" TEXT,
    "revokedByInstitutionId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "endorsements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "endorsement"."OutboxEvent" (
    "seq" BIGSERIAL NOT NULL,
    "eventId" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "endorsement"."ProcessedEvent" (
    "consumer" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "endorser_profiles_institutionId_key" ON "endorsement"."endorser_profiles"("institutionId");

-- CreateIndex
CREATE INDEX "endorsement_requests_institutionId_createdAt_idx" ON "endorsement"."endorsement_requests"("institutionId", "createdAt");

-- CreateIndex
CREATE INDEX "endorsement_requests_endorserInstitutionId_createdAt_idx" ON "endorsement"."endorsement_requests"("endorserInstitutionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "endorsements_requestId_key" ON "endorsement"."endorsements"("requestId");

-- CreateIndex
CREATE INDEX "endorsements_institutionId_createdAt_idx" ON "endorsement"."endorsements"("institutionId", "createdAt");

-- CreateIndex
CREATE INDEX "endorsements_endorserInstitutionId_createdAt_idx" ON "endorsement"."endorsements"("endorserInstitutionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_eventId_key" ON "endorsement"."OutboxEvent"("eventId");

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_seq_idx" ON "endorsement"."OutboxEvent"("publishedAt", "seq");

-- AddForeignKey
ALTER TABLE "endorsement"."endorsements" ADD CONSTRAINT "endorsements_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "endorsement"."endorsement_requests"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

