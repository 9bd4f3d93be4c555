-- Hand-written (Prisma's schema language has no CHECK constraints; schema.prisma documents it):
-- the allowed values of badge_classes.verification, the same list as VERIFICATION_TYPES in
-- libs/api-contracts. Changing the list is a new migration that drops and re-adds this
-- constraint (docs/data-model.md).
ALTER TABLE "issuer"."badge_classes" ADD CONSTRAINT "badge_classes_verification_check" CHECK ("verification" IN ('hosted', 'signed'));
