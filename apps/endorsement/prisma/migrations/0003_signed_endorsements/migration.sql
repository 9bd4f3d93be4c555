-- AlterTable
ALTER TABLE "endorsement"."endorser_profiles" ADD COLUMN     "verification" TEXT NOT NULL DEFAULT 'hosted';

-- AlterTable
ALTER TABLE "endorsement"."endorsements" ADD COLUMN     "signedJws" TEXT,
ADD COLUMN     "signingKeyId" TEXT;

-- CreateTable
CREATE TABLE "endorsement"."endorser_signing_keys" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "endorserProfileId" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "publicKeyPem" TEXT NOT NULL,
    "privateKeyEnc" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "endorser_signing_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "endorser_signing_keys_endorserProfileId_createdAt_idx" ON "endorsement"."endorser_signing_keys"("endorserProfileId", "createdAt");

-- CreateIndex
CREATE INDEX "endorsements_endorserProfileId_revokedAt_idx" ON "endorsement"."endorsements"("endorserProfileId", "revokedAt");

-- AddForeignKey
ALTER TABLE "endorsement"."endorser_signing_keys" ADD CONSTRAINT "endorser_signing_keys_endorserProfileId_fkey" FOREIGN KEY ("endorserProfileId") REFERENCES "endorsement"."endorser_profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "endorsement"."endorsements" ADD CONSTRAINT "endorsements_signingKeyId_fkey" FOREIGN KEY ("signingKeyId") REFERENCES "endorsement"."endorser_signing_keys"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (Prisma's schema language has no partial indexes; schema.prisma documents it):
-- at most one ACTIVE key per endorser. Lazy key creation inserts with ON CONFLICT DO NOTHING on
-- this index, so two first signed approvals racing for the same endorser share one key.
CREATE UNIQUE INDEX "endorser_signing_keys_one_active_per_endorser" ON "endorsement"."endorser_signing_keys"("endorserProfileId") WHERE "retiredAt" IS NULL;

-- Hand-written: a signature is always stored with the key that made it, and vice versa.
ALTER TABLE "endorsement"."endorsements" ADD CONSTRAINT "endorsements_signature_has_key" CHECK (("signedJws" IS NULL) = ("signingKeyId" IS NULL));
