-- CreateEnum
CREATE TYPE "LabVisibility" AS ENUM ('public', 'private');

-- CreateTable
CREATE TABLE "Lab" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "ownerId" TEXT,
    "visibility" "LabVisibility" NOT NULL DEFAULT 'public',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lab_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabVersion" (
    "id" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "parsed" TEXT NOT NULL,
    "meta" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LabVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabAttempt" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "labVersionId" TEXT NOT NULL,
    "variantSeed" INTEGER NOT NULL,
    "variantIndex" INTEGER NOT NULL,
    "answers" TEXT NOT NULL,
    "results" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "maxScore" DOUBLE PRECISION NOT NULL,
    "traceDigest" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LabAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabProgress" (
    "userId" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "bestAttemptId" TEXT NOT NULL,
    "bestScore" DOUBLE PRECISION NOT NULL,
    "bestMaxScore" DOUBLE PRECISION NOT NULL,
    "latestAttemptId" TEXT NOT NULL,
    "latestScore" DOUBLE PRECISION NOT NULL,
    "latestMaxScore" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LabProgress_pkey" PRIMARY KEY ("userId","labId")
);

-- CreateTable
CREATE TABLE "LabDraft" (
    "userId" TEXT NOT NULL,
    "labVersionId" TEXT NOT NULL,
    "variantIndex" INTEGER NOT NULL,
    "answers" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LabDraft_pkey" PRIMARY KEY ("userId","labVersionId","variantIndex")
);

-- CreateIndex
CREATE UNIQUE INDEX "Lab_slug_key" ON "Lab"("slug");

-- CreateIndex
CREATE INDEX "Lab_ownerId_idx" ON "Lab"("ownerId");

-- CreateIndex
CREATE INDEX "LabVersion_labId_contentHash_idx" ON "LabVersion"("labId", "contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "LabVersion_labId_version_key" ON "LabVersion"("labId", "version");

-- CreateIndex
CREATE INDEX "LabAttempt_userId_labId_createdAt_idx" ON "LabAttempt"("userId", "labId", "createdAt");

-- CreateIndex
CREATE INDEX "LabAttempt_labVersionId_idx" ON "LabAttempt"("labVersionId");

-- CreateIndex
CREATE INDEX "LabProgress_labId_idx" ON "LabProgress"("labId");

-- AddForeignKey
ALTER TABLE "Lab" ADD CONSTRAINT "Lab_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabVersion" ADD CONSTRAINT "LabVersion_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabAttempt" ADD CONSTRAINT "LabAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabAttempt" ADD CONSTRAINT "LabAttempt_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabAttempt" ADD CONSTRAINT "LabAttempt_labVersionId_fkey" FOREIGN KEY ("labVersionId") REFERENCES "LabVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabProgress" ADD CONSTRAINT "LabProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabProgress" ADD CONSTRAINT "LabProgress_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabDraft" ADD CONSTRAINT "LabDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabDraft" ADD CONSTRAINT "LabDraft_labVersionId_fkey" FOREIGN KEY ("labVersionId") REFERENCES "LabVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
