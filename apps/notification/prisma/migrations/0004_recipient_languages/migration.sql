-- CreateTable
CREATE TABLE "notification"."recipient_languages" (
    "lookup" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recipient_languages_pkey" PRIMARY KEY ("lookup")
);

-- CreateIndex
CREATE INDEX "recipient_languages_learnerId_idx" ON "notification"."recipient_languages"("learnerId");


-- The languages the platform writes emails in (emailLanguage in libs/events).
ALTER TABLE "notification"."recipient_languages" ADD CONSTRAINT "recipient_languages_language_check" CHECK ("language" IN ('en', 'fr'));
