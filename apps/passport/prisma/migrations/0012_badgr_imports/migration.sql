-- AlterTable
ALTER TABLE "passport"."collections" ADD COLUMN     "sourceKey" TEXT;

-- CreateTable
CREATE TABLE "passport"."badgr_imports" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "badgrOrigin" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "problems" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "badgr_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "passport"."badgr_import_items" (
    "importId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "badgrAcceptance" TEXT NOT NULL,
    "revoked" BOOLEAN NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "message" TEXT,
    "assertionId" TEXT,

    CONSTRAINT "badgr_import_items_pkey" PRIMARY KEY ("importId","position")
);

-- CreateTable
CREATE TABLE "passport"."badgr_import_collections" (
    "importId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "itemSourceIds" TEXT[],
    "outcome" TEXT NOT NULL DEFAULT 'pending',
    "collectionId" TEXT,
    "badges" INTEGER NOT NULL DEFAULT 0,
    "leftOut" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "badgr_import_collections_pkey" PRIMARY KEY ("importId","position")
);

-- CreateIndex
CREATE INDEX "badgr_imports_learnerId_createdAt_idx" ON "passport"."badgr_imports"("learnerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "collections_learnerId_sourceKey_key" ON "passport"."collections"("learnerId", "sourceKey");

-- AddForeignKey
ALTER TABLE "passport"."badgr_imports" ADD CONSTRAINT "badgr_imports_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "passport"."learners"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passport"."badgr_import_items" ADD CONSTRAINT "badgr_import_items_importId_fkey" FOREIGN KEY ("importId") REFERENCES "passport"."badgr_imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passport"."badgr_import_collections" ADD CONSTRAINT "badgr_import_collections_importId_fkey" FOREIGN KEY ("importId") REFERENCES "passport"."badgr_imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Fixed lists of values (docs/data-model.md): the contract's, in api-contracts/badgr-imports.contract.ts.
ALTER TABLE "passport"."badgr_imports" ADD CONSTRAINT "badgr_imports_status_check" CHECK ("status" IN ('queued', 'running', 'completed'));
ALTER TABLE "passport"."badgr_import_items" ADD CONSTRAINT "badgr_import_items_outcome_check" CHECK ("outcome" IN ('pending', 'imported', 'already_in_passport', 'skipped', 'failed'));
ALTER TABLE "passport"."badgr_import_collections" ADD CONSTRAINT "badgr_import_collections_outcome_check" CHECK ("outcome" IN ('pending', 'created', 'updated', 'unchanged', 'skipped'));
