-- AlterTable
ALTER TABLE "gateway"."api_clients" ADD COLUMN     "lastUsedAt" TIMESTAMPTZ(3),
ADD COLUMN     "name" TEXT NOT NULL DEFAULT 'API client',
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'manage';


-- Hand-written (Prisma's schema language has no CHECK constraints; schema.prisma documents it):
-- the allowed values of api_clients.scope, the same list as API_CLIENT_SCOPES in
-- libs/api-contracts. Existing clients took the default, `manage`: what every client could do.
ALTER TABLE "gateway"."api_clients" ADD CONSTRAINT "api_clients_scope_check" CHECK ("scope" IN ('read', 'award', 'manage'));
