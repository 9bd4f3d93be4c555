-- AlterTable
ALTER TABLE "passport"."award_copies" ALTER COLUMN "imageType" DROP NOT NULL,
ALTER COLUMN "imageBase64" DROP NOT NULL;

-- CreateTable
CREATE TABLE "passport"."bc_clients" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secretHash" TEXT,
    "redirectUris" TEXT[],
    "scope" TEXT NOT NULL,
    "authMethod" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bc_clients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "passport"."bc_codes" (
    "codeHash" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "redirectUri" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "codeChallenge" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bc_codes_pkey" PRIMARY KEY ("codeHash")
);

-- CreateTable
CREATE TABLE "passport"."bc_tokens" (
    "accessHash" TEXT NOT NULL,
    "refreshHash" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bc_tokens_pkey" PRIMARY KEY ("accessHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "bc_tokens_refreshHash_key" ON "passport"."bc_tokens"("refreshHash");

-- CreateIndex
CREATE INDEX "bc_tokens_learnerId_idx" ON "passport"."bc_tokens"("learnerId");

-- AddForeignKey
ALTER TABLE "passport"."bc_codes" ADD CONSTRAINT "bc_codes_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "passport"."bc_clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passport"."bc_codes" ADD CONSTRAINT "bc_codes_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "passport"."learners"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passport"."bc_tokens" ADD CONSTRAINT "bc_tokens_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "passport"."bc_clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passport"."bc_tokens" ADD CONSTRAINT "bc_tokens_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "passport"."learners"("id") ON DELETE CASCADE ON UPDATE CASCADE;

