-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LabProgress" (
    "userId" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "bestAttemptId" TEXT NOT NULL,
    "bestScore" REAL NOT NULL,
    "bestMaxScore" REAL NOT NULL,
    "bestRatio" REAL NOT NULL DEFAULT 0,
    "latestAttemptId" TEXT NOT NULL,
    "latestScore" REAL NOT NULL,
    "latestMaxScore" REAL NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "labId"),
    CONSTRAINT "LabProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LabProgress_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LabProgress" ("attempts", "bestAttemptId", "bestMaxScore", "bestScore", "labId", "latestAttemptId", "latestMaxScore", "latestScore", "updatedAt", "userId") SELECT "attempts", "bestAttemptId", "bestMaxScore", "bestScore", "labId", "latestAttemptId", "latestMaxScore", "latestScore", "updatedAt", "userId" FROM "LabProgress";
DROP TABLE "LabProgress";
ALTER TABLE "new_LabProgress" RENAME TO "LabProgress";
CREATE INDEX "LabProgress_labId_idx" ON "LabProgress"("labId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill: the ratio of each existing best attempt (lib/labs/service/attempts.ts compares ratios).
UPDATE "LabProgress" SET "bestRatio" = CASE WHEN "bestMaxScore" > 0 THEN "bestScore" / "bestMaxScore" ELSE 0 END;
