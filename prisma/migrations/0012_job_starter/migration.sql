-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "createdById" TEXT;

-- CreateIndex
CREATE INDEX "Job_institutionId_createdById_createdAt_idx" ON "Job"("institutionId", "createdById", "createdAt");

