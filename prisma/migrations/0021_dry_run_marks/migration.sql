-- CreateTable
CREATE TABLE "CourseImportMark" (
    "importId" UUID NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "CourseImportMark_pkey" PRIMARY KEY ("importId","key")
);

