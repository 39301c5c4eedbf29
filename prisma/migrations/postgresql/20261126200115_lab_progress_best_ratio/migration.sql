-- AlterTable
ALTER TABLE "LabProgress" ADD COLUMN     "bestRatio" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- Backfill: the ratio of each existing best attempt (lib/labs/service/attempts.ts compares ratios).
UPDATE "LabProgress" SET "bestRatio" = CASE WHEN "bestMaxScore" > 0 THEN "bestScore" / "bestMaxScore" ELSE 0 END;
