-- CreateTable
CREATE TABLE "issuer"."baked_images" (
    "assertionId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "base64" TEXT NOT NULL,
    "sourceImageId" TEXT NOT NULL,
    "bakedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "baked_images_pkey" PRIMARY KEY ("assertionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "baked_images_institutionId_assertionId_key" ON "issuer"."baked_images"("institutionId", "assertionId");

-- AddForeignKey
ALTER TABLE "issuer"."baked_images" ADD CONSTRAINT "baked_images_institutionId_assertionId_fkey" FOREIGN KEY ("institutionId", "assertionId") REFERENCES "issuer"."assertions"("institutionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

