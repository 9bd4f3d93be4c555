-- AlterTable
ALTER TABLE "issuer"."assertions" ADD COLUMN     "signedJws" TEXT,
ADD COLUMN     "signingKeyId" TEXT;

-- CreateTable
CREATE TABLE "issuer"."signing_keys" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "publicKeyPem" TEXT NOT NULL,
    "privateKeyEnc" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "signing_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "signing_keys_issuerId_createdAt_idx" ON "issuer"."signing_keys"("issuerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "signing_keys_institutionId_id_key" ON "issuer"."signing_keys"("institutionId", "id");

-- CreateIndex
CREATE INDEX "assertions_issuerId_revoked_idx" ON "issuer"."assertions"("issuerId", "revoked");

-- AddForeignKey
ALTER TABLE "issuer"."assertions" ADD CONSTRAINT "assertions_institutionId_signingKeyId_fkey" FOREIGN KEY ("institutionId", "signingKeyId") REFERENCES "issuer"."signing_keys"("institutionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."signing_keys" ADD CONSTRAINT "signing_keys_institutionId_issuerId_fkey" FOREIGN KEY ("institutionId", "issuerId") REFERENCES "issuer"."issuers"("institutionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written (Prisma's schema language has no partial indexes; schema.prisma documents it):
-- at most one ACTIVE key per issuer. Lazy key creation inserts with ON CONFLICT DO NOTHING on
-- this index, so two first signed awards racing for the same issuer end up sharing one key.
CREATE UNIQUE INDEX "signing_keys_one_active_per_issuer" ON "issuer"."signing_keys"("issuerId") WHERE "retiredAt" IS NULL;

-- Hand-written: a signature is always stored with the key that made it, and vice versa.
ALTER TABLE "issuer"."assertions" ADD CONSTRAINT "assertions_signature_has_key" CHECK (("signedJws" IS NULL) = ("signingKeyId" IS NULL));
