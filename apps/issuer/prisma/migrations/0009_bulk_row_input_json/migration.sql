-- A bulk row's input is written once and read back whole: `json` stores the text as sent, where
-- `jsonb` parsed every row on the way in (decision 0017).
ALTER TABLE "issuer"."bulk_award_rows" ALTER COLUMN "input" SET DATA TYPE JSON USING "input"::json;
