-- CreateTable
CREATE TABLE "issuer"."issuer_staff_members" (
    "staffId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "issuerRoles" JSONB NOT NULL,
    "version" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "issuer_staff_members_pkey" PRIMARY KEY ("staffId")
);

-- CreateIndex
CREATE INDEX "issuer_staff_members_institutionId_idx" ON "issuer"."issuer_staff_members"("institutionId");

