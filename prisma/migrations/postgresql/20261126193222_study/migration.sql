-- CreateEnum
CREATE TYPE "DeckKind" AS ENUM ('custom', 'builtin', 'mistakes');

-- CreateEnum
CREATE TYPE "NoteType" AS ENUM ('basic', 'reversed', 'cloze');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('answer', 'undo');

-- CreateTable
CREATE TABLE "Deck" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT,
    "kind" "DeckKind" NOT NULL DEFAULT 'custom',
    "key" TEXT,
    "templateKey" TEXT,
    "templateId" TEXT,
    "contentHash" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "reviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Note" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT,
    "deckId" TEXT NOT NULL,
    "type" "NoteType" NOT NULL,
    "fields" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT ' ',
    "searchText" TEXT NOT NULL DEFAULT '',
    "sourceRef" TEXT,
    "key" TEXT,
    "templateNoteId" TEXT,
    "contentHash" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Card" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "noteId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "due" TIMESTAMP(3) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "difficulty" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "elapsedDays" INTEGER NOT NULL DEFAULT 0,
    "scheduledDays" INTEGER NOT NULL DEFAULT 0,
    "learningSteps" INTEGER NOT NULL DEFAULT 0,
    "reps" INTEGER NOT NULL DEFAULT 0,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "state" INTEGER NOT NULL DEFAULT 0,
    "lastReview" TIMESTAMP(3),
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "buriedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewLog" (
    "id" SERIAL NOT NULL,
    "ownerId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "noteId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "kind" "ReviewKind" NOT NULL DEFAULT 'answer',
    "rating" INTEGER NOT NULL,
    "review" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER,
    "elapsedDays" INTEGER NOT NULL DEFAULT 0,
    "stateBefore" INTEGER NOT NULL,
    "dueBefore" TIMESTAMP(3) NOT NULL,
    "stabilityBefore" DOUBLE PRECISION NOT NULL,
    "difficultyBefore" DOUBLE PRECISION NOT NULL,
    "elapsedDaysBefore" INTEGER NOT NULL,
    "scheduledDaysBefore" INTEGER NOT NULL,
    "learningStepsBefore" INTEGER NOT NULL,
    "repsBefore" INTEGER NOT NULL,
    "lapsesBefore" INTEGER NOT NULL,
    "lastReviewBefore" TIMESTAMP(3),
    "stateAfter" INTEGER NOT NULL,
    "dueAfter" TIMESTAMP(3) NOT NULL,
    "stabilityAfter" DOUBLE PRECISION NOT NULL,
    "difficultyAfter" DOUBLE PRECISION NOT NULL,
    "elapsedDaysAfter" INTEGER NOT NULL,
    "scheduledDaysAfter" INTEGER NOT NULL,
    "learningStepsAfter" INTEGER NOT NULL,
    "repsAfter" INTEGER NOT NULL,
    "lapsesAfter" INTEGER NOT NULL,
    "lastReviewAfter" TIMESTAMP(3),
    "idempotencyKey" TEXT NOT NULL,
    "undoesId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudySettings" (
    "userId" TEXT NOT NULL,
    "desiredRetention" DOUBLE PRECISION NOT NULL DEFAULT 0.9,
    "learningSteps" TEXT NOT NULL DEFAULT '1m 10m',
    "relearningSteps" TEXT NOT NULL DEFAULT '10m',
    "maximumInterval" INTEGER NOT NULL DEFAULT 36500,
    "enableFuzz" BOOLEAN NOT NULL DEFAULT true,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "rolloverHour" INTEGER NOT NULL DEFAULT 4,
    "weights" TEXT,
    "optimizedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StudySettings_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Deck_templateKey_key" ON "Deck"("templateKey");

-- CreateIndex
CREATE INDEX "Deck_templateId_idx" ON "Deck"("templateId");

-- CreateIndex
CREATE UNIQUE INDEX "Deck_ownerId_key_key" ON "Deck"("ownerId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Deck_ownerId_templateId_key" ON "Deck"("ownerId", "templateId");

-- CreateIndex
CREATE INDEX "Note_templateNoteId_idx" ON "Note"("templateNoteId");

-- CreateIndex
CREATE UNIQUE INDEX "Note_ownerId_sourceRef_key" ON "Note"("ownerId", "sourceRef");

-- CreateIndex
CREATE UNIQUE INDEX "Note_ownerId_templateNoteId_key" ON "Note"("ownerId", "templateNoteId");

-- CreateIndex
CREATE UNIQUE INDEX "Note_deckId_key_key" ON "Note"("deckId", "key");

-- CreateIndex
CREATE INDEX "Card_ownerId_suspended_state_due_idx" ON "Card"("ownerId", "suspended", "state", "due");

-- CreateIndex
CREATE INDEX "Card_deckId_suspended_state_due_idx" ON "Card"("deckId", "suspended", "state", "due");

-- CreateIndex
CREATE INDEX "Card_deckId_suspended_state_position_idx" ON "Card"("deckId", "suspended", "state", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Card_noteId_ordinal_key" ON "Card"("noteId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewLog_idempotencyKey_key" ON "ReviewLog"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewLog_undoesId_key" ON "ReviewLog"("undoesId");

-- CreateIndex
CREATE INDEX "ReviewLog_ownerId_review_idx" ON "ReviewLog"("ownerId", "review");

-- CreateIndex
CREATE INDEX "ReviewLog_cardId_id_idx" ON "ReviewLog"("cardId", "id");

-- AddForeignKey
ALTER TABLE "Deck" ADD CONSTRAINT "Deck_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deck" ADD CONSTRAINT "Deck_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Deck"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_templateNoteId_fkey" FOREIGN KEY ("templateNoteId") REFERENCES "Note"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewLog" ADD CONSTRAINT "ReviewLog_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewLog" ADD CONSTRAINT "ReviewLog_undoesId_fkey" FOREIGN KEY ("undoesId") REFERENCES "ReviewLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudySettings" ADD CONSTRAINT "StudySettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
