-- AlterTable
ALTER TABLE "endorsement"."endorsement_requests" ADD COLUMN     "requesterLanguage" TEXT;

-- AlterTable
ALTER TABLE "endorsement"."endorser_profiles" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';


-- Hand-written (Prisma's schema language has no CHECK constraints; schema.prisma documents them):
-- the email languages, the same list as ENDORSER_LANGUAGES in libs/api-contracts. Changing the
-- list is a new migration that drops and re-adds these constraints (docs/data-model.md).
ALTER TABLE "endorsement"."endorser_profiles" ADD CONSTRAINT "endorser_profiles_language_check" CHECK ("language" IN ('en', 'fr'));
ALTER TABLE "endorsement"."endorsement_requests" ADD CONSTRAINT "endorsement_requests_requesterLanguage_check" CHECK ("requesterLanguage" IN ('en', 'fr'));
