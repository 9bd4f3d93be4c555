-- CreateTable
CREATE TABLE "gateway"."staff_members" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "institutionRole" TEXT,
    "status" TEXT NOT NULL DEFAULT 'invited',
    "language" TEXT NOT NULL DEFAULT 'en',
    "invitedBy" TEXT NOT NULL,
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "removedAt" TIMESTAMPTZ(3),

    CONSTRAINT "staff_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gateway"."staff_issuer_roles" (
    "institutionId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "issuerId" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "staff_issuer_roles_pkey" PRIMARY KEY ("staffId","issuerId")
);

-- CreateTable
CREATE TABLE "gateway"."staff_sessions" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedReason" TEXT,

    CONSTRAINT "staff_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gateway"."staff_refresh_tokens" (
    "tokenHash" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMPTZ(3),

    CONSTRAINT "staff_refresh_tokens_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "gateway"."staff_tokens" (
    "tokenHash" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "staff_tokens_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "gateway"."OutboxBatch" (
    "seq" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "envelopes" JSON NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OutboxBatch_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_members_email_key" ON "gateway"."staff_members"("email");

-- CreateIndex
CREATE INDEX "staff_members_institutionId_idx" ON "gateway"."staff_members"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "staff_members_institutionId_id_key" ON "gateway"."staff_members"("institutionId", "id");

-- CreateIndex
CREATE INDEX "staff_issuer_roles_institutionId_issuerId_idx" ON "gateway"."staff_issuer_roles"("institutionId", "issuerId");

-- CreateIndex
CREATE INDEX "staff_sessions_staffId_idx" ON "gateway"."staff_sessions"("staffId");

-- CreateIndex
CREATE INDEX "staff_refresh_tokens_sessionId_idx" ON "gateway"."staff_refresh_tokens"("sessionId");

-- CreateIndex
CREATE INDEX "staff_tokens_staffId_purpose_idx" ON "gateway"."staff_tokens"("staffId", "purpose");

-- CreateIndex
CREATE INDEX "OutboxBatch_publishedAt_seq_idx" ON "gateway"."OutboxBatch"("publishedAt", "seq");

-- AddForeignKey
ALTER TABLE "gateway"."staff_members" ADD CONSTRAINT "staff_members_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "gateway"."institutions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gateway"."staff_issuer_roles" ADD CONSTRAINT "staff_issuer_roles_institutionId_staffId_fkey" FOREIGN KEY ("institutionId", "staffId") REFERENCES "gateway"."staff_members"("institutionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gateway"."staff_sessions" ADD CONSTRAINT "staff_sessions_institutionId_staffId_fkey" FOREIGN KEY ("institutionId", "staffId") REFERENCES "gateway"."staff_members"("institutionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gateway"."staff_refresh_tokens" ADD CONSTRAINT "staff_refresh_tokens_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "gateway"."staff_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gateway"."staff_tokens" ADD CONSTRAINT "staff_tokens_institutionId_staffId_fkey" FOREIGN KEY ("institutionId", "staffId") REFERENCES "gateway"."staff_members"("institutionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Hand-written (Prisma's schema language has no CHECK constraints; schema.prisma documents them):
-- the allowed values of each listed column, the same lists as STAFF_INSTITUTION_ROLES,
-- STAFF_STATUSES, STAFF_LANGUAGES and ISSUER_STAFF_ROLES in libs/api-contracts.
ALTER TABLE "gateway"."staff_members" ADD CONSTRAINT "staff_members_institution_role_check" CHECK ("institutionRole" IN ('admin'));
ALTER TABLE "gateway"."staff_members" ADD CONSTRAINT "staff_members_status_check" CHECK ("status" IN ('invited', 'active', 'removed'));
ALTER TABLE "gateway"."staff_members" ADD CONSTRAINT "staff_members_language_check" CHECK ("language" IN ('en', 'fr'));
ALTER TABLE "gateway"."staff_issuer_roles" ADD CONSTRAINT "staff_issuer_roles_role_check" CHECK ("role" IN ('owner', 'editor', 'staff'));
ALTER TABLE "gateway"."staff_tokens" ADD CONSTRAINT "staff_tokens_purpose_check" CHECK ("purpose" IN ('invitation', 'password_reset'));
