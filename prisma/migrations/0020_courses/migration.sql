-- CreateTable
CREATE TABLE "Course" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "section" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "academicDepartment" TEXT,
    "term" TEXT,
    "startDate" DATE,
    "endDate" DATE,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseInstructor" (
    "courseId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "CourseInstructor_pkey" PRIMARY KEY ("courseId","userId")
);

-- CreateTable
CREATE TABLE "CourseEnrolment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "enrolledSince" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastImportId" UUID,

    CONSTRAINT "CourseEnrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseImportMapping" (
    "institutionId" UUID NOT NULL,
    "delimiter" TEXT NOT NULL DEFAULT ',',
    "columns" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseImportMapping_pkey" PRIMARY KEY ("institutionId")
);

-- CreateTable
CREATE TABLE "CourseImport" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "jobId" UUID,
    "fileName" TEXT NOT NULL,
    "filePath" TEXT NOT NULL,
    "fileSize" BIGINT NOT NULL,
    "format" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL,
    "fullLoad" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "cursor" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "kept" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "coursesCreated" INTEGER NOT NULL DEFAULT 0,
    "ruleFailures" INTEGER NOT NULL DEFAULT 0,
    "ruleError" TEXT,
    "startedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "error" TEXT,
    "appliedImportId" UUID,

    CONSTRAINT "CourseImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseImportEntry" (
    "importId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "institutionId" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "userPrimaryId" TEXT,
    "courseCode" TEXT,
    "section" TEXT,
    "errors" JSONB NOT NULL,

    CONSTRAINT "CourseImportEntry_pkey" PRIMARY KEY ("importId","seq")
);

-- CreateIndex
CREATE INDEX "Course_institutionId_term_idx" ON "Course"("institutionId", "term");

-- CreateIndex
CREATE UNIQUE INDEX "Course_institutionId_code_section_key" ON "Course"("institutionId", "code", "section");

-- CreateIndex
CREATE INDEX "CourseInstructor_institutionId_userId_idx" ON "CourseInstructor"("institutionId", "userId");

-- CreateIndex
CREATE INDEX "CourseEnrolment_institutionId_userId_idx" ON "CourseEnrolment"("institutionId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseEnrolment_courseId_userId_key" ON "CourseEnrolment"("courseId", "userId");

-- CreateIndex
CREATE INDEX "CourseImport_institutionId_createdAt_idx" ON "CourseImport"("institutionId", "createdAt");

-- CreateIndex
CREATE INDEX "CourseImportEntry_importId_outcome_seq_idx" ON "CourseImportEntry"("importId", "outcome", "seq");


-- Marking the enrolments a full load saw rewrites lastImportId (no index holds it): room on each page keeps that a HOT update.
ALTER TABLE "CourseEnrolment" SET (fillfactor = 80);
