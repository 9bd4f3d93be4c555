-- AlterTable
ALTER TABLE "passport"."bc_clients" ADD COLUMN     "clientUri" TEXT;

-- CreateTable
CREATE TABLE "passport"."bc_grants" (
    "learnerId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bc_grants_pkey" PRIMARY KEY ("learnerId","clientId")
);

-- AddForeignKey
ALTER TABLE "passport"."bc_grants" ADD CONSTRAINT "bc_grants_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "passport"."bc_clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passport"."bc_grants" ADD CONSTRAINT "bc_grants_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "passport"."learners"("id") ON DELETE CASCADE ON UPDATE CASCADE;

