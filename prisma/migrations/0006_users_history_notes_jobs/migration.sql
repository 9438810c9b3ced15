-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastPatronActivityDate" DATE;

-- CreateTable
CREATE TABLE "UserHistoryEntry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT,
    "actorKind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserHistoryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserFieldOverride" (
    "institutionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "sisValue" JSONB NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserFieldOverride_pkey" PRIMARY KEY ("userId","field")
);

-- CreateTable
CREATE TABLE "UserNote" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "noteType" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "ownerLibraryId" UUID,
    "popUp" BOOLEAN NOT NULL DEFAULT false,
    "userViewable" BOOLEAN NOT NULL DEFAULT false,
    "segmentType" TEXT NOT NULL DEFAULT 'INTERNAL',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserStatistic" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "categoryType" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "note" TEXT,
    "ownerLibraryId" UUID,
    "segmentType" TEXT NOT NULL DEFAULT 'INTERNAL',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserStatistic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserAttachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "note" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserJobLock" (
    "userId" UUID NOT NULL,
    "jobId" UUID NOT NULL,

    CONSTRAINT "UserJobLock_pkey" PRIMARY KEY ("userId","jobId")
);

-- CreateIndex
CREATE INDEX "UserHistoryEntry_userId_at_idx" ON "UserHistoryEntry"("userId", "at");

-- CreateIndex
CREATE INDEX "UserNote_userId_idx" ON "UserNote"("userId");

-- CreateIndex
CREATE INDEX "UserStatistic_userId_idx" ON "UserStatistic"("userId");

-- CreateIndex
CREATE INDEX "UserAttachment_userId_idx" ON "UserAttachment"("userId");

-- CreateIndex
CREATE INDEX "UserJobLock_jobId_idx" ON "UserJobLock"("jobId");

-- CreateIndex
CREATE INDEX "User_institutionId_purgeDate_idx" ON "User"("institutionId", "purgeDate");

-- AddForeignKey
ALTER TABLE "UserHistoryEntry" ADD CONSTRAINT "UserHistoryEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserFieldOverride" ADD CONSTRAINT "UserFieldOverride_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserNote" ADD CONSTRAINT "UserNote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserStatistic" ADD CONSTRAINT "UserStatistic_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserAttachment" ADD CONSTRAINT "UserAttachment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserJobLock" ADD CONSTRAINT "UserJobLock_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

