-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "notification";

-- CreateTable
CREATE TABLE "notification"."email_templates" (
    "institutionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "email_templates_pkey" PRIMARY KEY ("institutionId","kind")
);

-- CreateTable
CREATE TABLE "notification"."email_deliveries" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "assertionId" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "messageId" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "jobId" TEXT NOT NULL,
    "resends" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "email_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification"."webhook_endpoints" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "secretCiphertext" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification"."webhook_deliveries" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "eventType" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responseStatus" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "jobId" TEXT NOT NULL,
    "redeliveries" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification"."ProcessedEvent" (
    "consumer" TEXT NOT NULL,
    "eventId" UUID NOT NULL,
    "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_deliveries_eventId_key" ON "notification"."email_deliveries"("eventId");

-- CreateIndex
CREATE INDEX "email_deliveries_institutionId_assertionId_idx" ON "notification"."email_deliveries"("institutionId", "assertionId");

-- CreateIndex
CREATE INDEX "email_deliveries_status_updatedAt_idx" ON "notification"."email_deliveries"("status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "email_deliveries_institutionId_id_key" ON "notification"."email_deliveries"("institutionId", "id");

-- CreateIndex
CREATE INDEX "webhook_endpoints_institutionId_createdAt_idx" ON "notification"."webhook_endpoints"("institutionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_endpoints_institutionId_id_key" ON "notification"."webhook_endpoints"("institutionId", "id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_institutionId_endpointId_createdAt_idx" ON "notification"."webhook_deliveries"("institutionId", "endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_updatedAt_idx" ON "notification"."webhook_deliveries"("status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_endpointId_eventId_key" ON "notification"."webhook_deliveries"("endpointId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_institutionId_id_key" ON "notification"."webhook_deliveries"("institutionId", "id");

-- AddForeignKey
ALTER TABLE "notification"."webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_institutionId_endpointId_fkey" FOREIGN KEY ("institutionId", "endpointId") REFERENCES "notification"."webhook_endpoints"("institutionId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

