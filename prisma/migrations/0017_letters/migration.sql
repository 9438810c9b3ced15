-- CreateTable
CREATE TABLE "LetterTemplate" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "letterTypeId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LetterTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterOutbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "userId" UUID,
    "letterTypeId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "sealed" TEXT,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "transport" TEXT,
    "jobId" UUID,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "LetterOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LetterOptOut" (
    "institutionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "letterTypeId" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LetterOptOut_pkey" PRIMARY KEY ("institutionId","userId","letterTypeId")
);

-- CreateIndex
CREATE UNIQUE INDEX "LetterTemplate_institutionId_letterTypeId_language_key" ON "LetterTemplate"("institutionId", "letterTypeId", "language");

-- CreateIndex
CREATE INDEX "LetterOutbox_institutionId_createdAt_id_idx" ON "LetterOutbox"("institutionId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "LetterOutbox_institutionId_userId_createdAt_id_idx" ON "LetterOutbox"("institutionId", "userId", "createdAt" DESC, "id");


-- The letters the outbox worker may claim: queued ones and those whose sending process stopped (a partial index).
CREATE INDEX "LetterOutbox_due_idx" ON "LetterOutbox"("nextAttemptAt") WHERE "status" IN ('QUEUED', 'SENDING');
