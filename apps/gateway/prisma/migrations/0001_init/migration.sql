-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "gateway";

-- CreateTable
CREATE TABLE "gateway"."institutions" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "institutions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gateway"."api_clients" (
    "clientId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "api_clients_pkey" PRIMARY KEY ("clientId")
);

-- CreateTable
CREATE TABLE "gateway"."signing_keys" (
    "id" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "privateJwk" JSONB NOT NULL,
    "publicJwk" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signing_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "api_clients_institutionId_idx" ON "gateway"."api_clients"("institutionId");

-- AddForeignKey
ALTER TABLE "gateway"."api_clients" ADD CONSTRAINT "api_clients_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "gateway"."institutions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

