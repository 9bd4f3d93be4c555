-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "passport";

-- CreateTable
CREATE TABLE "passport"."learners" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "learners_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "passport"."learner_identifiers" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "lookup" TEXT NOT NULL,
    "verifiedAt" TIMESTAMPTZ(3),
    "confirmTokenHash" TEXT,
    "confirmExpiresAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "learner_identifiers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "passport"."sessions" (
    "tokenHash" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "passport"."awards" (
    "assertionId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "lookup" TEXT,
    "assertionUrl" TEXT NOT NULL,
    "imageUrl" TEXT NOT NULL,
    "badgeClassId" TEXT NOT NULL,
    "badgeClassName" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "issuerName" TEXT NOT NULL,
    "recipientType" TEXT NOT NULL,
    "recipientIdentity" TEXT NOT NULL,
    "recipientSalt" TEXT,
    "recipientHashed" BOOLEAN NOT NULL,
    "issuedOn" TIMESTAMPTZ(3) NOT NULL,
    "expires" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "awards_pkey" PRIMARY KEY ("assertionId")
);

-- CreateTable
CREATE TABLE "passport"."award_revocations" (
    "assertionId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "revokedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "award_revocations_pkey" PRIMARY KEY ("assertionId")
);

-- CreateTable
CREATE TABLE "passport"."backpack_badges" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "assertionId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "backpack_badges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "passport"."collections" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "collections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "passport"."collection_badges" (
    "collectionId" TEXT NOT NULL,
    "badgeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "collection_badges_pkey" PRIMARY KEY ("collectionId","badgeId")
);

-- CreateTable
CREATE TABLE "passport"."shares" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shares_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "passport"."OutboxEvent" (
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
CREATE TABLE "passport"."ProcessedEvent" (
    "consumer" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "learners_username_key" ON "passport"."learners"("username");

-- CreateIndex
CREATE UNIQUE INDEX "learner_identifiers_confirmTokenHash_key" ON "passport"."learner_identifiers"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "learner_identifiers_lookup_idx" ON "passport"."learner_identifiers"("lookup");

-- CreateIndex
CREATE UNIQUE INDEX "learner_identifiers_learnerId_type_value_key" ON "passport"."learner_identifiers"("learnerId", "type", "value");

-- CreateIndex
CREATE INDEX "sessions_learnerId_idx" ON "passport"."sessions"("learnerId");

-- CreateIndex
CREATE INDEX "awards_lookup_idx" ON "passport"."awards"("lookup");

-- CreateIndex
CREATE INDEX "backpack_badges_learnerId_createdAt_idx" ON "passport"."backpack_badges"("learnerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "backpack_badges_learnerId_assertionId_key" ON "passport"."backpack_badges"("learnerId", "assertionId");

-- CreateIndex
CREATE INDEX "collections_learnerId_createdAt_idx" ON "passport"."collections"("learnerId", "createdAt");

-- CreateIndex
CREATE INDEX "shares_learnerId_createdAt_idx" ON "passport"."shares"("learnerId", "createdAt");

-- CreateIndex
CREATE INDEX "shares_targetId_idx" ON "passport"."shares"("targetId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_eventId_key" ON "passport"."OutboxEvent"("eventId");

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_seq_idx" ON "passport"."OutboxEvent"("publishedAt", "seq");

-- AddForeignKey
ALTER TABLE "passport"."learner_identifiers" ADD CONSTRAINT "learner_identifiers_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "passport"."learners"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passport"."sessions" ADD CONSTRAINT "sessions_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "passport"."learners"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passport"."backpack_badges" ADD CONSTRAINT "backpack_badges_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "passport"."learners"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passport"."backpack_badges" ADD CONSTRAINT "backpack_badges_assertionId_fkey" FOREIGN KEY ("assertionId") REFERENCES "passport"."awards"("assertionId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passport"."collections" ADD CONSTRAINT "collections_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "passport"."learners"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passport"."collection_badges" ADD CONSTRAINT "collection_badges_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "passport"."collections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passport"."collection_badges" ADD CONSTRAINT "collection_badges_badgeId_fkey" FOREIGN KEY ("badgeId") REFERENCES "passport"."backpack_badges"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passport"."shares" ADD CONSTRAINT "shares_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "passport"."learners"("id") ON DELETE CASCADE ON UPDATE CASCADE;

