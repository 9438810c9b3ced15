-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "recordType" TEXT NOT NULL,
    "accountType" TEXT NOT NULL DEFAULT 'INTERNAL',
    "externalId" TEXT,
    "primaryId" TEXT NOT NULL,
    "userTitle" TEXT,
    "firstName" TEXT,
    "middleName" TEXT,
    "lastName" TEXT,
    "prefFirstName" TEXT,
    "prefMiddleName" TEXT,
    "prefLastName" TEXT,
    "nameSearch" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "jobCategory" TEXT,
    "jobDescription" TEXT,
    "gender" TEXT,
    "userGroup" TEXT,
    "campusCode" TEXT,
    "webSiteUrl" TEXT,
    "preferredLanguage" TEXT,
    "birthDate" DATE,
    "expiryDate" DATE,
    "purgeDate" DATE,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "statusDate" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rsLibraries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "purchaseRequestLibraries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "catalogerLevel" TEXT,
    "libraryNotices" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "pinNumberHash" TEXT,
    "passwordHash" TEXT,
    "forcePasswordChange" BOOLEAN NOT NULL DEFAULT false,
    "mfaEnabled" BOOLEAN NOT NULL DEFAULT false,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUpdatedByJob" TEXT,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserIdentifier" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "idType" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "valueKey" TEXT NOT NULL,
    "note" TEXT,
    "segmentType" TEXT NOT NULL DEFAULT 'INTERNAL',
    "position" INTEGER NOT NULL,

    CONSTRAINT "UserIdentifier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserEmail" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "emailAddress" TEXT NOT NULL,
    "addressKey" TEXT NOT NULL,
    "emailTypes" TEXT[],
    "preferred" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT,
    "segmentType" TEXT NOT NULL DEFAULT 'INTERNAL',
    "position" INTEGER NOT NULL,

    CONSTRAINT "UserEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserAddress" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "line1" TEXT,
    "line2" TEXT,
    "line3" TEXT,
    "line4" TEXT,
    "line5" TEXT,
    "city" TEXT,
    "stateProvince" TEXT,
    "postalCode" TEXT,
    "country" TEXT,
    "addressNote" TEXT,
    "startDate" DATE,
    "endDate" DATE,
    "addressTypes" TEXT[],
    "preferred" BOOLEAN NOT NULL DEFAULT false,
    "segmentType" TEXT NOT NULL DEFAULT 'INTERNAL',
    "position" INTEGER NOT NULL,

    CONSTRAINT "UserAddress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserPhone" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "phoneNumber" TEXT NOT NULL,
    "phoneTypes" TEXT[],
    "preferred" BOOLEAN NOT NULL DEFAULT false,
    "preferredSms" BOOLEAN NOT NULL DEFAULT false,
    "segmentType" TEXT NOT NULL DEFAULT 'INTERNAL',
    "position" INTEGER NOT NULL,

    CONSTRAINT "UserPhone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserRole" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "scope" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "expiryDate" DATE,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserCodeTableEntry" (
    "institutionId" UUID NOT NULL,
    "table" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "recordTypes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UserCodeTableEntry_pkey" PRIMARY KEY ("institutionId","table","code")
);

-- CreateTable
CREATE TABLE "UserIdSequence" (
    "institutionId" UUID NOT NULL,
    "next" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "UserIdSequence_pkey" PRIMARY KEY ("institutionId")
);

-- CreateIndex
CREATE INDEX "User_institutionId_sortName_idx" ON "User"("institutionId", "sortName");

-- CreateIndex
CREATE INDEX "User_institutionId_recordType_sortName_idx" ON "User"("institutionId", "recordType", "sortName");

-- CreateIndex
CREATE INDEX "User_institutionId_firstName_lastName_birthDate_idx" ON "User"("institutionId", "firstName", "lastName", "birthDate");

-- CreateIndex
CREATE INDEX "User_nameSearch_idx" ON "User" USING GIN ("nameSearch" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "UserIdentifier_userId_idx" ON "UserIdentifier"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "UserIdentifier_institutionId_valueKey_key" ON "UserIdentifier"("institutionId", "valueKey");

-- CreateIndex
CREATE INDEX "UserEmail_institutionId_addressKey_idx" ON "UserEmail"("institutionId", "addressKey");

-- CreateIndex
CREATE INDEX "UserEmail_userId_idx" ON "UserEmail"("userId");

-- CreateIndex
CREATE INDEX "UserAddress_userId_idx" ON "UserAddress"("userId");

-- CreateIndex
CREATE INDEX "UserPhone_userId_idx" ON "UserPhone"("userId");

-- CreateIndex
CREATE INDEX "UserRole_institutionId_role_idx" ON "UserRole"("institutionId", "role");

-- CreateIndex
CREATE INDEX "UserRole_userId_idx" ON "UserRole"("userId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserIdentifier" ADD CONSTRAINT "UserIdentifier_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserEmail" ADD CONSTRAINT "UserEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserAddress" ADD CONSTRAINT "UserAddress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserPhone" ADD CONSTRAINT "UserPhone_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

