-- CreateTable
CREATE TABLE "StaffPreference" (
    "institutionId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffPreference_pkey" PRIMARY KEY ("institutionId","accountId","key")
);

