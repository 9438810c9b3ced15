-- CreateTable
CREATE TABLE "Job" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "params" JSONB NOT NULL DEFAULT '{}',
    "processed" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "report" JSONB,
    "error" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Job_institutionId_type_status_idx" ON "Job"("institutionId", "type", "status");

-- CreateIndex
CREATE INDEX "Job_institutionId_createdAt_idx" ON "Job"("institutionId", "createdAt");


-- One running job per type and institution (a partial index Prisma's schema cannot express).
CREATE UNIQUE INDEX "Job_one_running_per_type" ON "Job"("institutionId", "type") WHERE "status" = 'RUNNING';
