-- AlterTable
ALTER TABLE "issuer"."assertions" ADD COLUMN     "credential" TEXT,
ADD COLUMN     "credentialFormat" TEXT,
ADD COLUMN     "credentialKeyId" TEXT,
ADD COLUMN     "openBadgesVersion" TEXT NOT NULL DEFAULT '2.0',
ADD COLUMN     "statusListIndex" INTEGER;

-- AlterTable
ALTER TABLE "issuer"."badge_classes" ADD COLUMN     "openBadgesVersion" TEXT NOT NULL DEFAULT '2.0';

-- AlterTable
ALTER TABLE "issuer"."issuers" ADD COLUMN     "credentialProof" TEXT NOT NULL DEFAULT 'eddsa-rdfc-2022',
ADD COLUMN     "nextStatusIndex" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "issuer"."signing_keys" ADD COLUMN     "publicKeyMultibase" TEXT;

-- CreateTable
CREATE TABLE "issuer"."baked_credential_images" (
    "assertionId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "base64" TEXT NOT NULL,
    "sourceImageId" TEXT NOT NULL,
    "assertionUpdatedAt" TIMESTAMPTZ(3) NOT NULL,
    "bakedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "baked_credential_images_pkey" PRIMARY KEY ("assertionId")
);

-- CreateTable
CREATE TABLE "issuer"."status_list_credentials" (
    "institutionId" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "listNumber" INTEGER NOT NULL,
    "credential" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "status_list_credentials_pkey" PRIMARY KEY ("issuerId","listNumber")
);

-- CreateIndex
CREATE UNIQUE INDEX "baked_credential_images_institutionId_assertionId_key" ON "issuer"."baked_credential_images"("institutionId", "assertionId");

-- CreateIndex
CREATE UNIQUE INDEX "assertions_issuerId_statusListIndex_key" ON "issuer"."assertions"("issuerId", "statusListIndex");

-- AddForeignKey
ALTER TABLE "issuer"."assertions" ADD CONSTRAINT "assertions_institutionId_credentialKeyId_fkey" FOREIGN KEY ("institutionId", "credentialKeyId") REFERENCES "issuer"."signing_keys"("institutionId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."baked_credential_images" ADD CONSTRAINT "baked_credential_images_institutionId_assertionId_fkey" FOREIGN KEY ("institutionId", "assertionId") REFERENCES "issuer"."assertions"("institutionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issuer"."status_list_credentials" ADD CONSTRAINT "status_list_credentials_institutionId_issuerId_fkey" FOREIGN KEY ("institutionId", "issuerId") REFERENCES "issuer"."issuers"("institutionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Hand-written (Prisma has no CHECK constraints nor partial indexes; schema.prisma documents them).
-- The allowed values, the same lists as libs/api-contracts (decision 0048, docs/data-model.md).
ALTER TABLE "issuer"."badge_classes" ADD CONSTRAINT "badge_classes_openBadgesVersion_check" CHECK ("openBadgesVersion" IN ('2.0', '3.0', 'both'));
ALTER TABLE "issuer"."assertions" ADD CONSTRAINT "assertions_openBadgesVersion_check" CHECK ("openBadgesVersion" IN ('2.0', '3.0', 'both'));
ALTER TABLE "issuer"."assertions" ADD CONSTRAINT "assertions_credentialFormat_check" CHECK ("credentialFormat" IN ('ldp', 'jwt'));
ALTER TABLE "issuer"."issuers" ADD CONSTRAINT "issuers_credentialProof_check" CHECK ("credentialProof" IN ('eddsa-rdfc-2022', 'vc-jwt'));
ALTER TABLE "issuer"."signing_keys" ADD CONSTRAINT "signing_keys_algorithm_check" CHECK ("algorithm" IN ('RS256', 'ES256', 'Ed25519'));

-- A credential is stored with its format, the key that signed it and its status index, or none of them;
-- an Ed25519 key always has its Multikey, and no other key has one.
ALTER TABLE "issuer"."assertions" ADD CONSTRAINT "assertions_credential_complete" CHECK (
  ("credential" IS NULL) = ("credentialFormat" IS NULL) AND ("credential" IS NULL) = ("credentialKeyId" IS NULL) AND ("credential" IS NULL) = ("statusListIndex" IS NULL));
ALTER TABLE "issuer"."signing_keys" ADD CONSTRAINT "signing_keys_multibase_check" CHECK (("algorithm" = 'Ed25519') = ("publicKeyMultibase" IS NOT NULL));

-- One active key per issuer AND family: the JWS family (RS256/ES256: OB 2.0 signed badges, VC-JWT)
-- and the DID family (Ed25519). Lazy key creation inserts with ON CONFLICT DO NOTHING on this index.
DROP INDEX "issuer"."signing_keys_one_active_per_issuer";
CREATE UNIQUE INDEX "signing_keys_one_active_per_family" ON "issuer"."signing_keys"("issuerId", ("algorithm" = 'Ed25519')) WHERE "retiredAt" IS NULL;

-- The status list of one issuer reads only its revoked credentials, by index range.
CREATE INDEX "assertions_revoked_status_index" ON "issuer"."assertions"("issuerId", "statusListIndex") WHERE "revoked" AND "statusListIndex" IS NOT NULL;
