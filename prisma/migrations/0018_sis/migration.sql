-- CreateTable
CREATE TABLE "SisProfile" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SisProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SisRun" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "profileId" UUID NOT NULL,
    "jobId" UUID,
    "fileName" TEXT NOT NULL,
    "filePath" TEXT NOT NULL,
    "fileSize" BIGINT NOT NULL,
    "dryRun" BOOLEAN NOT NULL,
    "fullLoad" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "deactivated" INTEGER NOT NULL DEFAULT 0,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "startedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "error" TEXT,
    "appliedRunId" UUID,

    CONSTRAINT "SisRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SisRunEntry" (
    "runId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "institutionId" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "primaryId" TEXT,
    "userId" UUID,
    "changes" JSONB NOT NULL,
    "errors" JSONB NOT NULL,

    CONSTRAINT "SisRunEntry_pkey" PRIMARY KEY ("runId","seq")
);

-- CreateTable
CREATE TABLE "SisUserState" (
    "profileId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "matchKey" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "userVersion" INTEGER NOT NULL,
    "lastRunId" UUID NOT NULL,

    CONSTRAINT "SisUserState_pkey" PRIMARY KEY ("profileId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SisProfile_institutionId_code_key" ON "SisProfile"("institutionId", "code");

-- CreateIndex
CREATE INDEX "SisRun_institutionId_createdAt_idx" ON "SisRun"("institutionId", "createdAt");

-- CreateIndex
CREATE INDEX "SisRunEntry_runId_outcome_seq_idx" ON "SisRunEntry"("runId", "outcome", "seq");

-- CreateIndex
CREATE INDEX "SisUserState_profileId_matchKey_idx" ON "SisUserState"("profileId", "matchKey");


-- Room on each page for a full load's lastRunId updates to stay HOT (no index entry per user marked).
ALTER TABLE "SisUserState" SET (fillfactor = 80);
