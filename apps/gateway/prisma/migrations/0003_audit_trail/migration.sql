-- CreateTable
CREATE TABLE "gateway"."audit_entries" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "correlationId" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "sourceEventId" UUID,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_entries_sourceEventId_key" ON "gateway"."audit_entries"("sourceEventId");

-- CreateIndex
CREATE INDEX "audit_entries_institutionId_occurredAt_id_idx" ON "gateway"."audit_entries"("institutionId", "occurredAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_entries_institutionId_targetId_idx" ON "gateway"."audit_entries"("institutionId", "targetId");



-- Hand-written (Prisma's schema language has neither CHECK constraints nor triggers;
-- schema.prisma documents both).
-- Who acted: ACTOR_TYPES of libs/events, with its id; or nobody (the platform, the operator).
ALTER TABLE "gateway"."audit_entries" ADD CONSTRAINT "audit_entries_actorType_check" CHECK ("actorType" IN ('client', 'staff'));
ALTER TABLE "gateway"."audit_entries" ADD CONSTRAINT "audit_entries_actor_check" CHECK (("actorType" IS NULL) = ("actorId" IS NULL));

-- Append-only: the database itself refuses to change or remove an entry, whatever the code (or a
-- person with the application's credentials) tries. A later migration that must rewrite rows
-- disables the trigger for its own statement and says why.
CREATE FUNCTION "gateway"."audit_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_entries_append_only" BEFORE UPDATE OR DELETE ON "gateway"."audit_entries"
  FOR EACH ROW EXECUTE FUNCTION "gateway"."audit_entries_append_only"();
CREATE TRIGGER "audit_entries_no_truncate" BEFORE TRUNCATE ON "gateway"."audit_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "gateway"."audit_entries_append_only"();
