-- CreateTable
CREATE TABLE "passport"."award_copies" (
    "assertionId" TEXT NOT NULL,
    "imageType" TEXT NOT NULL,
    "imageBase64" TEXT NOT NULL,
    "assertionJson" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "award_copies_pkey" PRIMARY KEY ("assertionId")
);

