-- CreateTable
CREATE TABLE "gateway"."institution_sso" (
    "institutionId" TEXT NOT NULL,
    "issuerUrl" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "clientSecretSealed" TEXT NOT NULL,
    "roleClaim" TEXT,
    "roleMappings" JSONB NOT NULL DEFAULT '[]',
    "ssoOnly" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "institution_sso_pkey" PRIMARY KEY ("institutionId")
);

-- CreateTable
CREATE TABLE "gateway"."sso_domains" (
    "domain" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,

    CONSTRAINT "sso_domains_pkey" PRIMARY KEY ("domain")
);

-- CreateIndex
CREATE INDEX "sso_domains_institutionId_idx" ON "gateway"."sso_domains"("institutionId");

-- AddForeignKey
ALTER TABLE "gateway"."institution_sso" ADD CONSTRAINT "institution_sso_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "gateway"."institutions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gateway"."sso_domains" ADD CONSTRAINT "sso_domains_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "gateway"."institution_sso"("institutionId") ON DELETE CASCADE ON UPDATE CASCADE;

