-- Generated as one NOT NULL ADD COLUMN, which a table holding bakes refuses: edited by hand to add
-- the column, give every stored bake its assertion's current version (it was baked from the
-- assertion as it stands, since assertions could not be edited before), then require it.
-- AlterTable
ALTER TABLE "issuer"."baked_images" ADD COLUMN     "assertionUpdatedAt" TIMESTAMPTZ(3);

UPDATE "issuer"."baked_images" AS b SET "assertionUpdatedAt" = a."updatedAt"
FROM "issuer"."assertions" AS a WHERE a."id" = b."assertionId";

ALTER TABLE "issuer"."baked_images" ALTER COLUMN "assertionUpdatedAt" SET NOT NULL;
