-- Fines and fees (issue 16): a user's fees and the ledger of every action on them, owned by libs/fines.
-- No foreign key to "User": the users module owns that table, and its deletion guard keeps a user who owes.
-- Money is exact: DECIMAL(12,2), rounded half-up to cents by the module at each action.

-- CreateTable
CREATE TABLE "Fee" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "typeCode" TEXT NOT NULL,
    "ownerLibraryId" UUID,
    "originalAmount" DECIMAL(12,2) NOT NULL,
    "remainingBalance" DECIMAL(12,2) NOT NULL,
    "originalVat" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "remainingVat" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "statusDate" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "comment" TEXT,
    "itemBarcode" TEXT,
    "itemTitle" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "bursarTransactionId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Fee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeeLedgerEntry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "feeId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "amount" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "vatAmount" DECIMAL(12,2) NOT NULL DEFAULT 0,
    "reason" TEXT,
    "comment" TEXT,
    "method" TEXT,
    "externalTransactionId" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeeLedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Fee_institutionId_userId_status_idx" ON "Fee"("institutionId", "userId", "status");

-- CreateIndex
CREATE INDEX "FeeLedgerEntry_feeId_createdAt_idx" ON "FeeLedgerEntry"("feeId", "createdAt");

-- AddForeignKey
ALTER TABLE "FeeLedgerEntry" ADD CONSTRAINT "FeeLedgerEntry_feeId_fkey" FOREIGN KEY ("feeId") REFERENCES "Fee"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A fee's status is one of the four the module knows.
ALTER TABLE "Fee" ADD CONSTRAINT "Fee_status_check" CHECK ("status" IN ('ACTIVE', 'IN_DISPUTE', 'EXPORTED', 'CLOSED'));
