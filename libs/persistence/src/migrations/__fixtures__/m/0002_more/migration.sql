ALTER TABLE "demo"."Widget" ADD COLUMN "colour" TEXT;
