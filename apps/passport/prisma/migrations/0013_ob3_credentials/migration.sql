-- AlterTable
ALTER TABLE "passport"."award_copies" ALTER COLUMN "assertionJson" DROP NOT NULL;

-- AlterTable
ALTER TABLE "passport"."awards" ADD COLUMN     "credentialFormat" TEXT,
ADD COLUMN     "credentialUrl" TEXT;

-- CreateTable
CREATE TABLE "passport"."award_credentials" (
    "assertionId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "credential" TEXT NOT NULL,
    "keptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "award_credentials_pkey" PRIMARY KEY ("assertionId")
);

-- AddForeignKey
ALTER TABLE "passport"."award_credentials" ADD CONSTRAINT "award_credentials_assertionId_fkey" FOREIGN KEY ("assertionId") REFERENCES "passport"."awards"("assertionId") ON DELETE CASCADE ON UPDATE CASCADE;

-- Fixed lists of values (docs/data-model.md): the event's credentialFormat, and the two forms a
-- kept credential can have. A platform award names its credential's URL and form together or not at all.
ALTER TABLE "passport"."awards" ADD CONSTRAINT "awards_credential_format_check" CHECK ("credentialFormat" IN ('ldp', 'jwt') AND "credentialUrl" IS NOT NULL OR "credentialFormat" IS NULL AND "credentialUrl" IS NULL);
ALTER TABLE "passport"."award_credentials" ADD CONSTRAINT "award_credentials_format_check" CHECK ("format" IN ('ldp', 'jwt'));
