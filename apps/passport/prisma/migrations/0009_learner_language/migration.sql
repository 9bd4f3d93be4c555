-- AlterTable
ALTER TABLE "passport"."learners" ADD COLUMN     "language" TEXT;


-- The languages the platform writes emails in (LEARNER_LANGUAGES in libs/api-contracts).
ALTER TABLE "passport"."learners" ADD CONSTRAINT "learners_language_check" CHECK ("language" IN ('en', 'fr'));
