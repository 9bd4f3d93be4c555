const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Schema names are interpolated into SQL, so only plain identifiers are accepted. */
export function quoteSchema(schema: string): string {
  if (!IDENTIFIER.test(schema)) throw new Error(`Invalid schema name: ${JSON.stringify(schema)}`);
  return `"${schema}"`;
}

export const outboxTable = (schema: string): string => `${quoteSchema(schema)}."OutboxBatch"`;
export const processedEventTable = (schema: string): string => `${quoteSchema(schema)}."ProcessedEvent"`;

/**
 * The outbox table of one service's schema. Column types and index names are exactly what
 * Prisma generates for the `OutboxBatch` model in libs/messaging/README.md, so a service may
 * create the table either from its Prisma migration or from this function.
 */
export function outboxTableSql(schema: string): string {
  const s = quoteSchema(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}."OutboxBatch" (
  "seq" BIGSERIAL NOT NULL,
  "topic" TEXT NOT NULL,
  "eventCount" INTEGER NOT NULL,
  "envelopes" JSON NOT NULL,
  "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "publishedAt" TIMESTAMPTZ(3),
  "attempts" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "OutboxBatch_pkey" PRIMARY KEY ("seq")
);
CREATE INDEX IF NOT EXISTS "OutboxBatch_publishedAt_seq_idx" ON ${s}."OutboxBatch"("publishedAt", "seq");
`;
}

/**
 * Every event in a service's outbox, one row each (`seq`, `topic`, `publishedAt`, `envelope`),
 * in the order they were written: for tests and operators, since a row holds a batch.
 */
export function outboxEventsQuery(schema: string): string {
  return `SELECT b."seq", b."topic", b."publishedAt", e.value AS "envelope" FROM ${outboxTable(schema)} b CROSS JOIN LATERAL json_array_elements(b."envelopes") WITH ORDINALITY AS e(value, n) ORDER BY b."seq", e.n`;
}

/** The consumer-side dedupe table: one row per (consumer, eventId) handled. */
export function processedEventTableSql(schema: string): string {
  const s = quoteSchema(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}."ProcessedEvent" (
  "consumer" TEXT NOT NULL,
  "eventId" UUID NOT NULL,
  "processedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("consumer", "eventId")
);
`;
}
