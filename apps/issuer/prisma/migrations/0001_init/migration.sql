-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "issuer";

-- CreateTable
CREATE TABLE "issuer"."institutions" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "institutions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issuer"."stored_images" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "base64" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_images_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issuer"."issuers" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "email" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "imageId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "issuers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issuer"."badge_classes" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "criteriaUrl" TEXT,
    "criteriaNarrative" TEXT,
    "tags" TEXT[],
    "expiresAmount" INTEGER,
    "expiresDuration" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "verification" TEXT NOT NULL DEFAULT 'hosted',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "badge_classes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issuer"."badge_class_alignments" (
    "id" UUID NOT NULL,
    "institutionId" TEXT NOT NULL,
    "badgeClassId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "targetName" TEXT NOT NULL,
    "targetUrl" TEXT NOT NULL,
    "targetDescription" TEXT,
    "targetFramework" TEXT,
    "targetCode" TEXT,

    CONSTRAINT "badge_class_alignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issuer"."badge_class_translations" (
    "institutionId" TEXT NOT NULL,
    "badgeClassId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "criteriaNarrative" TEXT,

    CONSTRAINT "badge_class_translations_pkey" PRIMARY KEY ("badgeClassId","language")
);

-- CreateTable
CREATE TABLE "issuer"."assertions" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "badgeClassId" TEXT NOT NULL,
    "recipientType" TEXT NOT NULL,
    "recipientIdentity" TEXT NOT NULL,
    "recipientHashed" BOOLEAN NOT NULL,
    "recipientSalt" TEXT,
    "recipientLookup" TEXT NOT NULL,
    "narrative" TEXT,
    "issuedOn" TIMESTAMPTZ(3) NOT NULL,
    "expires" TIMESTAMPTZ(3),
    "notify" BOOLEAN NOT NULL DEFAULT false,
    "revoked" BOOLEAN NOT NULL DEFAULT false,
    "revocationReason" TEXT,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "assertions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issuer"."assertion_evidence" (
    "id" UUID NOT NULL,
    "institutionId" TEXT NOT NULL,
    "assertionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT,
    "narrative" TEXT,

    CONSTRAINT "assertion_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "stored_images_institutionId_id_key" ON "issuer"."stored_images"("institutionId", "id");

-- CreateIndex
CREATE INDEX "issuers_institutionId_createdAt_idx" ON "issuer"."issuers"("institutionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "issuers_institutionId_id_key" ON "issuer"."issuers"("institutionId", "id");

-- CreateIndex
CREATE INDEX "badge_classes_institutionId_issuerId_idx" ON "issuer"."badge_classes"("institutionId", "issuerId");

-- CreateIndex
CREATE INDEX "badge_classes_institutionId_createdAt_idx" ON "issuer"."badge_classes"("institutionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "badge_classes_institutionId_id_key" ON "issuer"."badge_classes"("institutionId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "badge_class_alignments_badgeClassId_position_key" ON "issuer"."badge_class_alignments"("badgeClassId", "position");

-- CreateIndex
CREATE INDEX "assertions_institutionId_badgeClassId_createdAt_id_idx" ON "issuer"."assertions"("institutionId", "badgeClassId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "assertions_institutionId_issuerId_createdAt_id_idx" ON "issuer"."assertions"("institutionId", "issuerId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "assertions_institutionId_recipientLookup_idx" ON "issuer"."assertions"("institutionId", "recipientLookup");

-- CreateIndex
CREATE UNIQUE INDEX "assertions_institutionId_id_key" ON "issuer"."assertions"("institutionId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "assertion_evidence_assertionId_position_key" ON "issuer"."assertion_evidence"("assertionId", "position");

-- AddForeignKey
ALTER TABLE "issuer"."stored_images" ADD CONSTRAINT "stored_images_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "issuer"."institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."issuers" ADD CONSTRAINT "issuers_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "issuer"."institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."issuers" ADD CONSTRAINT "issuers_institutionId_imageId_fkey" FOREIGN KEY ("institutionId", "imageId") REFERENCES "issuer"."stored_images"("institutionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."badge_classes" ADD CONSTRAINT "badge_classes_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "issuer"."institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."badge_classes" ADD CONSTRAINT "badge_classes_institutionId_issuerId_fkey" FOREIGN KEY ("institutionId", "issuerId") REFERENCES "issuer"."issuers"("institutionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."badge_classes" ADD CONSTRAINT "badge_classes_institutionId_imageId_fkey" FOREIGN KEY ("institutionId", "imageId") REFERENCES "issuer"."stored_images"("institutionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."badge_class_alignments" ADD CONSTRAINT "badge_class_alignments_institutionId_badgeClassId_fkey" FOREIGN KEY ("institutionId", "badgeClassId") REFERENCES "issuer"."badge_classes"("institutionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."badge_class_translations" ADD CONSTRAINT "badge_class_translations_institutionId_badgeClassId_fkey" FOREIGN KEY ("institutionId", "badgeClassId") REFERENCES "issuer"."badge_classes"("institutionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."assertions" ADD CONSTRAINT "assertions_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "issuer"."institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."assertions" ADD CONSTRAINT "assertions_institutionId_issuerId_fkey" FOREIGN KEY ("institutionId", "issuerId") REFERENCES "issuer"."issuers"("institutionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."assertions" ADD CONSTRAINT "assertions_institutionId_badgeClassId_fkey" FOREIGN KEY ("institutionId", "badgeClassId") REFERENCES "issuer"."badge_classes"("institutionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."assertion_evidence" ADD CONSTRAINT "assertion_evidence_institutionId_assertionId_fkey" FOREIGN KEY ("institutionId", "assertionId") REFERENCES "issuer"."assertions"("institutionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

